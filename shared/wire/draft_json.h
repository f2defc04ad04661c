// Wire format of landing drafts (POST/PUT/GET /api/v1/landing/drafts): a signup saved
// half-way, and the request that saves one.
#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "shared/signup/signup_form.h"

namespace isp::wire {

struct Draft {
    std::string draft_id;
    SignupForm form;
    std::string step; // where the person was: "offer", "details", "review"
    std::string created_at;
    std::string updated_at;
    std::string expires_at; // UTC timestamp as the server wrote it
};

nlohmann::json to_json(const Draft& draft);
// A draft as the server keeps it: the form is taken as it is (a draft may be partial).
// Throws nlohmann::json::exception on a bad shape.
Draft draft_from_json(const nlohmann::json& j);

// What POST and PUT send: {"form": {...}, "step": "details"}. (The server reads it with
// the draft's own rules: services/draft_service.cpp.)
nlohmann::json draft_request_json(const SignupForm& form, const std::string& step);

} // namespace isp::wire
