// GET /api/v1/landing/operator-logo: the operator's logo (--operator-logo, the demo logo
// under --demo), the very bytes printed on its documents, for the portal's header. Public
// like the catalog; 404 when the operator has none (the bootstrap then names no logo_url).
#include <httplib.h>

#include <string>

#include "server/config/server_config.h"
#include "server/http/problem.h"
#include "server/http/revalidation.h"
#include "server/http/route.h"
#include "server/routes/app_context.h"
#include "server/routes/routes.h"

namespace isp::routes {

void register_landing_operator_logo(httplib::Server& http, AppContext& app) {
    const OperatorProfile& profile = app.config.operator_profile; // logo checked PNG or JPEG at start
    const std::string& logo = profile.logo;
    const std::string content_type = profile.logo_media_type;
    const std::string etag = http::etag_from_sha256(profile.logo_sha256);
    http.Get("/api/v1/landing/operator-logo",
             http::guarded([&logo, content_type, etag](const httplib::Request& req, httplib::Response& res) {
                 if (logo.empty())
                     throw http::ApiError(404, "operator_logo_not_found", "This operator has no logo.");
                 if (http::not_modified(req, res, etag))
                     return;
                 res.status = 200;
                 res.set_content(logo, content_type);
             }));
}

} // namespace isp::routes
