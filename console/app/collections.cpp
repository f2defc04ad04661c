#include "console/app/collections.h"

#include <algorithm>
#include <charconv>

#include "console/i18n/console_text.h"
#include "shared/domain/text.h"
#include "shared/wire/collection_case_json.h"

namespace isp::console {
namespace {

using T = webapp::Translation;

constexpr T loading_worklist{"Chargement du recouvrement", "Loading collections"};
constexpr T loading_case{"Chargement du dossier", "Loading the case"};
constexpr T recording_action{"Enregistrement de l\u2019action", "Recording the action"};
constexpr T changing_case_status{"Changement de statut", "Changing the status"};
constexpr T action_recorded{"Action enregistr\u00e9e.", "Action recorded."};
constexpr T case_status_changed{"Statut modifi\u00e9.", "Status changed."};
constexpr T note_required{"Une note a besoin de son texte.", "A note needs its text."};
constexpr T note_too_long{"La note fait au plus 2000 caract\u00e8res.", "The note is at most 2000 characters."};
constexpr T reason_required{"Un motif est n\u00e9cessaire pour cl\u00f4turer (ex. : abandon de cr\u00e9ance, litige).",
                            "A reason is required to close (e.g. written off, disputed)."};
constexpr T reason_invalid{"Le motif tient sur une ligne de 1 \u00e0 200 caract\u00e8res.",
                           "The reason is one line of 1 to 200 characters."};
constexpr T reason_paid{"\u00ab paid \u00bb est r\u00e9serv\u00e9 aux dossiers sold\u00e9s par un paiement : "
                        "enregistrez le paiement.",
                        "\"paid\" is kept for cases closed by a payment: record the payment instead."};
constexpr T days_invalid{"Un nombre entier de jours, 0 ou plus.", "A whole number of days, 0 or more."};

} // namespace

void Collections::open(const Place& place) {
    errors_.clear();
    status_dialog_open = false;
    if (place.id.empty()) {
        case_.reset();
        actions_.clear();
        status_filter = place.filter;
        shown_filter_ = place.filter;
        page_ = 1;
        load_worklist();
        return;
    }
    if (!case_ || case_->case_id != place.id) {
        case_.reset();
        actions_.clear();
        action_note.clear();
        action_kind = "call";
        action_attempt_.finished();
    }
    load_case(place.id);
}

void Collections::loaded_one() {
    if (--waiting_ <= 0) {
        waiting_ = 0;
        busy_ = {};
    }
}

std::string Collections::min_days_problem() const {
    if (min_days_filter.empty())
        return {};
    std::int64_t days = 0;
    const char* end = min_days_filter.data() + min_days_filter.size();
    const auto [at, ec] = std::from_chars(min_days_filter.data(), end, days);
    if (ec != std::errc() || at != end || days < 0 || days > 100000)
        return std::string{tr(days_invalid, lang())};
    return {};
}

void Collections::apply_filters() {
    if (!min_days_problem().empty())
        return;
    page_ = 1;
    // The status filter is the place's: Back returns to the list as it was filtered. The
    // days filter is not in it: the same place is loaded again here.
    if (status_filter != shown_filter_)
        return ctx_.go(Place{"collections", "", status_filter});
    load_worklist();
}

void Collections::go_to_page(std::int64_t page) {
    page_ = std::max<std::int64_t>(1, page);
    load_worklist();
}

void Collections::load_worklist() {
    std::string query = "?page=" + std::to_string(page_) + "&per_page=20";
    if (!status_filter.empty())
        query += "&status=" + status_filter;
    if (!min_days_filter.empty() && min_days_problem().empty())
        query += "&min_days_overdue=" + min_days_filter;
    busy_ = "loading";
    waiting_ = 2;
    notice_.reset();
    auto retry = [this] { load_worklist(); };
    ctx_.api.get<CollectionsOverview>("/collections/overview", wire::collections_overview_from_json,
                                      [this, retry](ApiResult<CollectionsOverview> result) {
                                          loaded_one();
                                          if (!result.value)
                                              return show(
                                                  failure(result.error, tr(loading_worklist, lang()), lang(), retry));
                                          overview_ = std::move(*result.value);
                                      });
    ctx_.api.get_page<CollectionCase>(
        "/collections/cases" + query, wire::collection_case_from_json,
        [this, retry](ApiResult<Page<CollectionCase>> result) {
            loaded_one();
            if (!result.value)
                return show(failure(result.error, tr(loading_worklist, lang()), lang(), retry));
            cases_ = std::move(result.value->items);
            // The server orders by due date; the worklist reads most days overdue first.
            std::stable_sort(cases_.begin(), cases_.end(), [](const CollectionCase& a, const CollectionCase& b) {
                return a.days_overdue > b.days_overdue;
            });
            pagination_ = result.value->pagination;
        });
}

void Collections::open_case(const std::string& case_id) {
    ctx_.go(Place{"collections", case_id, {}});
}

void Collections::load_case(const std::string& case_id) {
    busy_ = "loading";
    waiting_ = 2;
    notice_.reset();
    auto retry = [this, case_id] { load_case(case_id); };
    ctx_.api.get<CollectionCase>("/collections/cases/" + case_id, wire::collection_case_from_json,
                                 [this, retry](ApiResult<CollectionCase> result) {
                                     loaded_one();
                                     if (!result.value)
                                         return show(failure(result.error, tr(loading_case, lang()), lang(), retry));
                                     case_ = std::move(*result.value);
                                 });
    ctx_.api.get_page<CollectionAction>(
        "/collections/cases/" + case_id + "/actions?per_page=100", wire::collection_action_from_json,
        [this, retry](ApiResult<Page<CollectionAction>> result) {
            loaded_one();
            if (!result.value)
                return show(failure(result.error, tr(loading_case, lang()), lang(), retry));
            actions_ = std::move(result.value->items);
            std::reverse(actions_.begin(), actions_.end()); // the server sends the oldest first
        });
}

void Collections::go_to_invoice() {
    if (case_)
        ctx_.go(Place{"billing", case_->invoice_id, "invoice"});
}

void Collections::go_to_customer() {
    if (case_)
        ctx_.go(Place{"customers", case_->client_id, {}});
}

void Collections::record_action() {
    if (!case_ || !busy_.empty() || !may_write())
        return;
    errors_.clear();
    const auto kind = parse_collection_action_kind(action_kind);
    const std::string note{trim(action_note)};
    if (kind == CollectionActionKind::Note && note.empty())
        errors_.push_back({"note", "required", std::string{tr(note_required, lang())}});
    if (utf8_length(note) > max_collection_note_chars)
        errors_.push_back({"note", "invalid_length", std::string{tr(note_too_long, lang())}});
    if (!kind || !errors_.empty())
        return;
    const std::string path = "/collections/cases/" + case_->case_id + "/actions";
    const nlohmann::json body = wire::to_json(NewCollectionAction{*kind, note});
    const std::string key = action_attempt_.key_for({{"path", path}, {"body", body}});
    busy_ = "saving";
    notice_.reset();
    ctx_.api.write<CollectionAction>(
        "POST", path, body, key, wire::collection_action_from_json, [this](ApiResult<CollectionAction> result) {
            busy_ = {};
            if (!result.value) {
                if (!result.error.network() && result.error.status < 500)
                    action_attempt_.finished(); // refused: a corrected action is a new one
                errors_ = result.error.errors;
                return show(failure(result.error, tr(recording_action, lang()), lang(), [this] { record_action(); }));
            }
            action_attempt_.finished();
            if (case_ && case_->case_id == result.value->case_id) {
                ++case_->action_count;
                case_->last_action_at = result.value->at;
            }
            actions_.insert(actions_.begin(), std::move(*result.value));
            action_note.clear();
            show(success(std::string{tr(action_recorded, lang())}));
        });
}

void Collections::start_status_change() {
    if (!case_ || !may_write())
        return;
    new_status = std::string{to_string(case_->status)};
    close_reason.clear();
    errors_.clear();
    status_dialog_open = true;
}

void Collections::change_status() {
    if (!case_ || !busy_.empty() || !may_write())
        return;
    errors_.clear();
    const auto status = parse_case_status(new_status);
    if (!status)
        return;
    CaseStatusChange change{*status, {}};
    const std::string reason{trim(close_reason)};
    if (!reason.empty()) {
        if (utf8_length(reason) > max_close_reason_chars || !is_clean_utf8_line(reason))
            errors_.push_back({"reason", "invalid_length", std::string{tr(reason_invalid, lang())}});
        else if (reason == paid_close_reason)
            errors_.push_back({"reason", "reserved_reason", std::string{tr(reason_paid, lang())}});
        else
            change.reason = reason;
    } else if (*status == CaseStatus::Closed) {
        errors_.push_back({"reason", "required", std::string{tr(reason_required, lang())}});
    }
    if (!errors_.empty())
        return;
    const std::string path = "/collections/cases/" + case_->case_id + "/status";
    const nlohmann::json body = wire::to_json(change);
    const std::string key = status_attempt_.key_for({{"path", path}, {"body", body}});
    busy_ = "saving";
    notice_.reset();
    ctx_.api.write<CollectionCase>("PUT", path, body, key, wire::collection_case_from_json,
                                   [this](ApiResult<CollectionCase> result) {
                                       busy_ = {};
                                       if (!result.value) {
                                           if (!result.error.network() && result.error.status < 500)
                                               status_attempt_.finished();
                                           errors_ = result.error.errors;
                                           return show(failure(result.error, tr(changing_case_status, lang()), lang(),
                                                               [this] { change_status(); }));
                                       }
                                       status_attempt_.finished();
                                       case_ = std::move(*result.value);
                                       status_dialog_open = false;
                                       show(success(std::string{tr(case_status_changed, lang())}));
                                   });
}

void Collections::describe(nlohmann::json& state) const {
    nlohmann::json me;
    nlohmann::json ids = nlohmann::json::array();
    for (const CollectionCase& k : cases_)
        ids.push_back(k.case_id);
    me["cases"] = std::move(ids);
    me["total"] = pagination_.total;
    me["page"] = pagination_.page;
    me["status_filter"] = status_filter;
    if (overview_)
        me["overdue_minor"] = overview_->overdue.amount_minor;
    if (case_) {
        me["case"] = {{"case_id", case_->case_id},           {"status", std::string{to_string(case_->status)}},
                      {"invoice_id", case_->invoice_id},     {"client_id", case_->client_id},
                      {"days_overdue", case_->days_overdue}, {"action_count", actions_.size()}};
    }
    me["status_dialog"] = status_dialog_open;
    me["may_write"] = may_write();
    state["collections"] = std::move(me);
    state["form"] = {{"action_kind", action_kind},
                     {"action_note", action_note},
                     {"new_status", new_status},
                     {"close_reason", close_reason},
                     {"min_days_overdue", min_days_filter}};
}

} // namespace isp::console
