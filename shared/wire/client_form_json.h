// Wire format of the client details staff send to POST and PUT /api/v1/customers.
#pragma once
#include <nlohmann/json.hpp>

#include "shared/signup/client_form.h"

namespace isp::wire {

// Reads what is there; wrong types land in `errors` (check_client_form() decides what
// is required). A body that is not an object gives a "body" error.
ClientForm client_form_from_json(const nlohmann::json& j, FieldErrors& errors, Language language);

// The client a create or full-update body describes, checked by check_client_form() with
// messages for staff (English); client_id and times left empty. Each wrong field is added
// to `errors` (the form's checks run only once every field has the right type).
Client customer_from_json(const nlohmann::json& body, FieldErrors& errors);

} // namespace isp::wire
