// GET /api/v1/openapi.json: the API's own description, as embedded at build time.
#include <httplib.h>

#include "server/openapi/openapi_document.h"
#include "server/routes/routes.h"

namespace isp::routes {

void register_openapi(httplib::Server& http, AppContext&) {
    http.Get("/api/v1/openapi.json", [](const httplib::Request&, httplib::Response& res) {
        const auto& doc = openapi::document;
        res.set_header("Cache-Control", "no-cache");
        res.set_content(std::string(reinterpret_cast<const char*>(doc.data()), doc.size()), "application/json");
    });
}

} // namespace isp::routes
