// The edge of every route: runs the handler, and maps whatever it throws to a problem
// response (ApiError as given; a service's Failure by its kind, http/problem.h; a
// constraint violation as 409; a store that cannot write as 503; anything else as a
// generic 500 whose text never reaches the client).
#pragma once
#include <functional>

#include <httplib.h>

namespace isp::http {

using RouteHandler = std::function<void(const httplib::Request&, httplib::Response&)>;

httplib::Server::Handler guarded(RouteHandler handler);

// The value of a {name} path parameter.
std::string path_param(const httplib::Request& req, const char* name);

// What logs say of a request's path: its route pattern ("/api/v1/landing/clients/:cin/
// invoices"), never the values in it - a CIN in a path is personal data. "(no route)"
// when no route matched.
std::string log_path(const httplib::Request& req);

} // namespace isp::http
