// Landing drafts (process map P7): a signup saved half-way, restored by its unguessable id
// on any device until it expires. A draft may be incomplete but never oversized.
#pragma once
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "shared/signup/signup_form.h"
#include "shared/wire/draft_json.h"

namespace isp {
class Clock;
namespace store {
class Database;
}
} // namespace isp

namespace isp::services {

using wire::Draft; // the draft as the API answers it

class DraftService {
public:
    DraftService(store::Database& db, const Clock& clock, int ttl_days) : db_(db), clock_(clock), ttl_days_(ttl_days) {}

    // `body` is the request: {"form": {...}, "step": "details"}. Throws Failure (Invalid).
    Draft create(const nlohmann::json& body);
    Draft get(std::string_view draft_id);                                 // 404 draft_not_found, 410 draft_expired
    Draft replace(std::string_view draft_id, const nlohmann::json& body); // same errors
    void remove(std::string_view draft_id);

private:
    store::Database& db_;
    const Clock& clock_;
    int ttl_days_;
};

} // namespace isp::services
