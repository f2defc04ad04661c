// Offers: the catalog by family (inactive offers included); create and edit an offer with the
// shared rules checked as typed; deactivate (a PUT of the offer with active false: it leaves
// sale, its contracts keep it); delete, which the server refuses while contracts use or used
// the offer: its explanation is shown as it is, with deactivating offered instead. Its screen:
// console/screens/offers_view.cpp.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "console/app/offer_form.h"
#include "console/app/section.h"
#include "console/app/write_attempt.h"

namespace isp::console {

class Offers : public Section {
public:
    using Section::Section;

    std::string_view name() const override { return "offers"; }
    void open(const Place& place) override;
    void describe(nlohmann::json& state) const override;

    // Whether the person may change the catalog: ops and admin.
    bool may_write() const { return ctx_.may(StaffRole::Ops); }

    // The catalog, in family order (mobile, internet, landline), then by name.
    const std::vector<Offer>& offers() const { return offers_; }
    const Offer* find(const std::string& offer_id) const;

    // --- create and edit (a dialog over the catalog) -------------------------------------
    bool form_open = false;
    OfferForm form;
    void start_create();
    void start_edit(const std::string& offer_id);
    void save();                                            // POST or PUT
    const std::string& editing() const { return editing_; } // "" when creating
    const FieldErrors& errors() const { return errors_; }
    std::string error_of(std::string_view field) const;

    // --- deactivate, delete ----------------------------------------------------------------
    void set_active(const std::string& offer_id, bool active);
    bool delete_dialog_open = false;
    void ask_delete(const std::string& offer_id);
    void confirm_delete();
    // The server refused the delete (contracts use the offer): its explanation, shown in the
    // dialog with "Deactivate instead".
    const std::string& delete_refusal() const { return delete_refusal_; }
    const std::string& deleting() const { return deleting_; }
    void deactivate_instead();

private:
    void load();
    void put_offer(const Offer& offer, std::string_view what);
    void saved(const Offer& offer);

    std::vector<Offer> offers_;
    std::string editing_;
    std::string deleting_;
    std::string delete_refusal_;
    FieldErrors errors_;
    WriteAttempt save_attempt_;
    WriteAttempt delete_attempt_;
};

} // namespace isp::console
