// Wire format of the signup form (drafts and POST /landing/submit/new) and of field errors.
#pragma once
#include <nlohmann/json.hpp>

#include "shared/signup/signup_form.h"

namespace isp::wire {

nlohmann::json to_json(const SignupForm& form);
// Reads what is there; wrong types land in `errors`. Missing keys keep their defaults
// (a draft may be partial); check_signup() decides what is required.
SignupForm signup_form_from_json(const nlohmann::json& j, FieldErrors& errors);

nlohmann::json to_json(const FieldError& error);
nlohmann::json to_json(const FieldErrors& errors);
FieldErrors field_errors_from_json(const nlohmann::json& j); // tolerant: skips malformed entries

} // namespace isp::wire
