#include "server/services/draft_service.h"

#include "server/clock/clock.h"
#include "server/security/random_id.h"
#include "server/services/failure.h"
#include "server/store/database.h"
#include "server/store/draft_store.h"
#include "shared/wire/json_reader.h"
#include "shared/wire/problem_codes.h"
#include "shared/wire/signup_json.h"

namespace isp::services {
namespace {

struct DraftInput {
    SignupForm form;
    std::string step;
};

DraftInput read_input(const nlohmann::json& body) {
    FieldErrors errors;
    DraftInput in;
    wire::JsonReader r(body, errors, Language::French);
    in.step = "details";
    r.string("step", in.step);
    if (in.step.empty() || in.step.size() > 32 ||
        in.step.find_first_not_of("abcdefghijklmnopqrstuvwxyz_") != std::string::npos)
        r.add_error("step", "invalid_text");
    if (!body.contains("form") || !body["form"].is_object()) {
        r.add_error("form", body.contains("form") ? "invalid_type" : "required");
    } else {
        FieldErrors form_errors;
        in.form = wire::signup_form_from_json(body["form"], form_errors);
        for (const FieldError& e : check_signup_draft(in.form))
            form_errors.push_back(e);
        for (FieldError& e : form_errors) {
            e.field = "form." + e.field;
            errors.push_back(std::move(e));
        }
    }
    if (!errors.empty())
        throw Failure(FailureKind::Invalid, wire::problem::validation_failed,
                      "The draft has invalid fields; see errors.", std::move(errors));
    return in;
}

Draft from_record(const store::DraftRecord& r) {
    FieldErrors ignored; // stored drafts were checked when saved
    return Draft{r.draft_id,   wire::signup_form_from_json(nlohmann::json::parse(r.form), ignored),
                 r.step,       r.created_at,
                 r.updated_at, r.expires_at};
}

bool plausible_id(std::string_view id) {
    return id.size() > 4 && id.size() < 64 && id.rfind("drf_", 0) == 0 &&
           id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") == std::string_view::npos;
}

Failure not_found() {
    return Failure(FailureKind::NotFound, wire::problem::draft_not_found,
                   "No draft has this id. Check the link, or start a new subscription.");
}

} // namespace

Draft DraftService::create(const nlohmann::json& body) {
    DraftInput in = read_input(body);
    const std::string now = clock_.now_iso();
    store::DraftRecord r{security::new_id("drf_"),
                         wire::to_json(in.form).dump(),
                         in.step,
                         now,
                         now,
                         Clock::iso_timestamp(clock_.now_unix() + std::int64_t{ttl_days_} * 86400)};
    db_.write([&](store::Connection& c) {
        store::delete_expired_drafts(c, now);
        store::insert_draft(c, r);
    });
    return from_record(r);
}

Draft DraftService::get(std::string_view draft_id) {
    if (!plausible_id(draft_id))
        throw not_found();
    auto r = db_.read([&](store::Connection& c) { return store::find_draft(c, draft_id); });
    if (!r)
        throw not_found();
    if (r->expires_at <= clock_.now_iso())
        throw Failure(FailureKind::Gone, wire::problem::draft_expired,
                      "This draft has expired. Please start a new subscription.");
    return from_record(*r);
}

Draft DraftService::replace(std::string_view draft_id, const nlohmann::json& body) {
    DraftInput in = read_input(body);
    Draft existing = get(draft_id);
    const std::string now = clock_.now_iso();
    store::DraftRecord r{existing.draft_id,
                         wire::to_json(in.form).dump(),
                         in.step,
                         existing.created_at,
                         now,
                         Clock::iso_timestamp(clock_.now_unix() + std::int64_t{ttl_days_} * 86400)};
    const bool updated = db_.write([&](store::Connection& c) { return store::update_draft(c, r); });
    if (!updated)
        throw not_found();
    return from_record(r);
}

void DraftService::remove(std::string_view draft_id) {
    if (plausible_id(draft_id))
        db_.write([&](store::Connection& c) { store::delete_draft(c, draft_id); });
}

} // namespace isp::services
