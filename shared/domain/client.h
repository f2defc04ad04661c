// A client of the operator: the person who signs contracts and receives invoices.
// Identified in self-service by their CIN (unique).
#pragma once
#include <string>

#include "shared/domain/money.h"

namespace isp {

struct Client {
    std::string client_id;
    std::string cin; // normalised, see cin.h
    std::string first_name;
    std::string last_name;
    std::string phone; // E.164
    std::string email;
    std::string address;
    Language language = Language::French;
    std::string created_at; // UTC timestamp, "2026-02-20T10:00:00Z"
    std::string updated_at; // UTC timestamp of the last change; empty means created_at
};

} // namespace isp
