// The console's only way to the server: the staff API under ../api/v1 (the console is served
// at /staff/), signed in by the session cookie the browser keeps. Every write carries the
// session's CSRF token and an Idempotency-Key (a retry after a network failure sends the
// same key, so the server does it at most once). A 401 "authentication_required" on any
// call means the session ended: the app is told, and shows the sign-in again.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "shared/staff/staff_requests.h"
#include "shared/wire/page_json.h"
#include "webapp/api/api_call.h"

namespace isp::console {

using webapp::ApiCallback;
using webapp::ApiError;
using webapp::ApiResult;

// One page of a list endpoint: its items and where it stands in the whole list.
template <class T> struct Page {
    std::vector<T> items;
    wire::Pagination pagination;
};

// A write answered with no body worth reading (204, or one the console does not need).
struct Done {};

class StaffApi {
public:
    explicit StaffApi(std::string base = "../api/v1") : base_(std::move(base)) {}

    void set_language(Language language) { language_ = language; }
    Language language() const { return language_; }
    void set_csrf_token(std::string token) { csrf_token_ = std::move(token); }
    // Runs when a call finds the session gone (401 authentication_required).
    void on_session_ended(std::function<void()> handler) { session_ended_ = std::move(handler); }

    // --- the session -------------------------------------------------------------------------
    void me(ApiCallback<StaffSession> done);
    void sign_in(const StaffSignInRequest& request, ApiCallback<StaffSession> done);
    void sign_out(ApiCallback<Done> done);
    void set_password(const std::string& token, const std::string& password, ApiCallback<Done> done);

    // --- any staff endpoint ------------------------------------------------------------------
    // `path` is under the API base and starts with "/": "/customers?q=ab".
    template <class T, class Parse> void get(const std::string& path, Parse parse, ApiCallback<T> done) {
        send<T>({"GET", base_ + path, {}, {}}, parse, std::move(done));
    }
    // A list endpoint's page: {"data": [...], "pagination": {...}}, each item read by `item`.
    template <class T, class Parse> void get_page(const std::string& path, Parse item, ApiCallback<Page<T>> done) {
        get<Page<T>>(
            path,
            [item](const nlohmann::json& j) {
                Page<T> page;
                for (const nlohmann::json& each : j.at("data"))
                    page.items.push_back(item(each));
                page.pagination = wire::pagination_from_json(j.at("pagination"));
                return page;
            },
            std::move(done));
    }
    // POST, PUT, PATCH or DELETE with a JSON body (may be null), the CSRF token and
    // `idempotency_key` (may be "").
    template <class T, class Parse>
    void write(const std::string& method, const std::string& path, const nlohmann::json& body,
               const std::string& idempotency_key, Parse parse, ApiCallback<T> done) {
        webapp::platform::HttpRequest request{method, base_ + path, {}, body.is_null() ? "" : body.dump()};
        request.headers.push_back({"X-CSRF-Token", csrf_token_});
        if (!idempotency_key.empty())
            request.headers.push_back({"Idempotency-Key", idempotency_key});
        send<T>(std::move(request), parse, std::move(done));
    }

    // Where a document (an invoice's or a contract's PDF) is, relative to the page: opened in a
    // new tab, the browser sends the session cookie with it.
    std::string document_url(const std::string& path) const { return base_ + path; }

private:
    template <class T, class Parse> void send(webapp::platform::HttpRequest request, Parse parse, ApiCallback<T> done) {
        webapp::call<T>(std::move(request), language_, parse, [this, done = std::move(done)](ApiResult<T> result) {
            if (!result.value && ended_session(result.error) && session_ended_)
                session_ended_();
            done(std::move(result));
        });
    }
    static bool ended_session(const ApiError& error);

    std::string base_;
    Language language_ = Language::French;
    std::string csrf_token_;
    std::function<void()> session_ended_;
};

// Reads nothing: for writes whose answer the console does not use.
Done read_nothing(const nlohmann::json&);

} // namespace isp::console
