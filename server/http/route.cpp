#include "server/http/route.h"

#include "server/http/access_log.h"
#include "server/http/problem.h"
#include "server/http/problem_language.h"
#include "server/http/request_id.h"
#include "server/observability/log.h"
#include "server/services/failure.h"
#include "server/store/database.h"
#include "shared/wire/problem_codes.h"

namespace isp::http {

httplib::Server::Handler guarded(RouteHandler handler) {
    return [handler = std::move(handler)](const httplib::Request& req, httplib::Response& res) {
        const auto answer = [&](ApiError e) {
            if (const auto language = accepted_language(req))
                put_in_language(e, *language);
            write_problem(res, e, req.path);
        };
        try {
            handler(req, res);
        } catch (const ApiError& e) {
            answer(e);
        } catch (const services::Failure& f) {
            answer(problem_of(f));
        } catch (const store::StoreError& e) {
            if (e.is_constraint()) {
                answer(ApiError(409, "conflict", "The request conflicts with the current state of the resource."));
                return;
            }
            // Logged with the route pattern only: no request data, which may be personal.
            // A lock held past the busy timeout (a backup, a long billing run, another
            // process on the file) passes by itself: a warning, not an error.
            observability::log(e.is_busy() ? observability::LogLevel::warn : observability::LogLevel::error,
                               {{"message", e.is_busy() ? "store busy" : "store error"},
                                {"request_id", request_id_of(res)},
                                {"method", known_method(req.method)},
                                {"route", log_path(req)},
                                {"error", e.what()}});
            answer(ApiError(503, wire::problem::store_unavailable,
                            "The database could not complete the request; retry later."));
        }
    };
}

std::string log_path(const httplib::Request& req) {
    return req.matched_route.empty() ? std::string("(no route)") : req.matched_route;
}

std::string path_param(const httplib::Request& req, const char* name) {
    auto it = req.path_params.find(name);
    return it == req.path_params.end() ? std::string() : it->second;
}

} // namespace isp::http
