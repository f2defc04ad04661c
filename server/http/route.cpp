#include "server/http/route.h"

#include <cstdio>

#include "server/http/problem.h"
#include "server/services/failure.h"
#include "server/store/database.h"

namespace isp::http {

httplib::Server::Handler guarded(RouteHandler handler) {
    return [handler = std::move(handler)](const httplib::Request& req, httplib::Response& res) {
        try {
            handler(req, res);
        } catch (const ApiError& e) {
            write_problem(res, e, req.path);
        } catch (const services::Failure& f) {
            write_problem(res, problem_of(f), req.path);
        } catch (const store::StoreError& e) {
            if (e.is_constraint()) {
                write_problem(
                    res, ApiError(409, "conflict", "The request conflicts with the current state of the resource."),
                    req.path);
                return;
            }
            // Logged with the path only: no request data, which may be personal.
            std::fprintf(stderr, "store error on %s %s: %s\n", req.method.c_str(), log_path(req).c_str(), e.what());
            write_problem(
                res, ApiError(503, "store_unavailable", "The database could not complete the request; retry later."),
                req.path);
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
