#include "shared/signup/proof_of_identity.h"

#include "shared/domain/cin.h"
#include "shared/domain/service_identifier.h"
#include "shared/domain/text.h"
#include "shared/signup/messages.h"

namespace isp {

CheckedProof check_proof_of_identity(std::string_view cin, std::string_view service_identifier, Language language) {
    CheckedProof out;
    if (trim(cin).empty())
        out.errors.push_back(field_error("cin", "required", language));
    else if (!(out.cin = normalize_cin(cin)))
        out.errors.push_back(field_error("cin", "invalid_cin", language));
    if (trim(service_identifier).empty())
        out.errors.push_back(field_error("service_identifier", "required", language));
    else if (!(out.service_identifier = normalize_any_service_identifier(service_identifier)))
        out.errors.push_back(field_error("service_identifier", "invalid_service_identifier", language));
    return out;
}

} // namespace isp
