#include "console/api/staff_api.h"

#include "shared/wire/problem_codes.h"
#include "shared/wire/staff_session_json.h"

namespace isp::console {

Done read_nothing(const nlohmann::json&) {
    return {};
}

bool StaffApi::ended_session(const ApiError& error) {
    return error.status == 401 && error.code == wire::problem::authentication_required;
}

void StaffApi::me(ApiCallback<StaffSession> done) {
    get<StaffSession>("/me", wire::staff_me_from_json, std::move(done));
}

void StaffApi::sign_in(const StaffSignInRequest& request, ApiCallback<StaffSession> done) {
    // No CSRF token yet (there is no session): the server checks the Origin instead.
    send<StaffSession>({"POST", base_ + "/staff/session", {}, wire::to_json(request).dump()},
                       wire::staff_session_from_json, std::move(done));
}

void StaffApi::sign_out(ApiCallback<Done> done) {
    write<Done>("DELETE", "/staff/session", nullptr, "", read_nothing, std::move(done));
}

void StaffApi::set_password(const std::string& token, const std::string& password, ApiCallback<Done> done) {
    const nlohmann::json body = {{"token", token}, {"password", password}};
    send<Done>({"POST", base_ + "/staff/password", {}, body.dump()}, read_nothing, std::move(done));
}

} // namespace isp::console
