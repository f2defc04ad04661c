// Which contracts a staff list shows (GET /contracts); an empty field does not filter.
#pragma once
#include <string>

namespace isp {

struct ContractFilter {
    std::string client_id;
    std::string offer_id;
    std::string status;             // "active", "suspended", "terminated"
    std::string service;            // the offer's family: "mobile", "internet", "landline"
    std::string service_identifier; // stored form
};

} // namespace isp
