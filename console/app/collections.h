// Collections: the overview by age bracket, the worklist of cases by days overdue (filtered by
// status and days, paginated), a case with its invoice, its customer and its actions as a
// timeline, record an action, change the status. Its screen: console/screens/collections_view.cpp.
// Places: {"collections", "", <status filter>} the worklist, {"collections", <case_id>} a case.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "console/app/section.h"
#include "console/app/write_attempt.h"
#include "shared/collections/case_record.h"
#include "shared/collections/collections_overview.h"
#include "shared/domain/field_error.h"

namespace isp::console {

class Collections : public Section {
public:
    using Section::Section;

    std::string_view name() const override { return "collections"; }
    void open(const Place& place) override;
    void describe(nlohmann::json& state) const override;

    // Whether the person may write here (record actions, change statuses): ops and admin.
    bool may_write() const { return ctx_.may(StaffRole::Ops); }

    // --- the worklist --------------------------------------------------------------------
    // Typed filters: a status ("" any) and the least days overdue ("" any).
    std::string status_filter;
    std::string min_days_filter;
    void apply_filters(); // back to page 1 with the filters
    void go_to_page(std::int64_t page);
    void open_case(const std::string& case_id); // navigates to the case
    const std::optional<CollectionsOverview>& overview() const { return overview_; }
    const std::vector<CollectionCase>& cases() const { return cases_; } // most days overdue first
    const wire::Pagination& pagination() const { return pagination_; }
    std::string min_days_problem() const; // as typed

    // --- a case ----------------------------------------------------------------------------
    const std::optional<CollectionCase>& current_case() const { return case_; }
    const std::vector<CollectionAction>& actions() const { return actions_; } // newest first
    void go_to_invoice();                                                     // the case's invoice, in billing
    void go_to_customer();                                                    // the case's customer

    // Record an action: its kind ("call", "sms", "email", "letter", "note") and note.
    std::string action_kind = "call";
    std::string action_note;
    void record_action();

    // Change the status: the new one and, to close, the reason.
    bool status_dialog_open = false;
    std::string new_status;
    std::string close_reason;
    void start_status_change();
    void change_status();

    const FieldErrors& errors() const { return errors_; }

private:
    void load_worklist();
    void load_case(const std::string& case_id);
    void loaded_one(); // one of several loads answered: idle when all have

    std::optional<CollectionsOverview> overview_;
    std::vector<CollectionCase> cases_;
    wire::Pagination pagination_{1, 20, 0};
    std::int64_t page_ = 1;
    std::string shown_filter_; // the status filter of the place the worklist was opened at
    int waiting_ = 0;

    std::optional<CollectionCase> case_;
    std::vector<CollectionAction> actions_;
    WriteAttempt action_attempt_;
    WriteAttempt status_attempt_;
    FieldErrors errors_;
};

} // namespace isp::console
