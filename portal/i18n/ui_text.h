// The portal's own words (headings, buttons, progress, notices) in French and English.
// Field labels and hints come from shared/signup (signup_fields()), validation messages
// from check_signup() or the server, so they are not repeated here.
#pragma once
#include <string>
#include <string_view>

#include "shared/domain/money.h"

namespace isp::portal {

enum class Text {
    PortalTitle,
    LoadingPortal,
    LoadingOffers,
    LoadingDraft,
    ServerUnreachable,
    ServerError,
    PortalUnavailable,
    Retry,
    OffersHeading,
    OffersIntro,
    ExclTaxPerMonth,
    InclTaxPerMonth,
    MinCommitment,
    ChooseOffer,
    NoOffers,
    DetailsHeading,
    SelectedOffer,
    ChangeOffer,
    Commitment,
    NoCommitment,
    Months,
    AllFieldsRequired,
    SaveDraft,
    SavingDraft,
    DraftSaved,
    CopyLink,
    LinkCopied,
    UnsavedChanges,
    Submit,
    Submitting,
    FixFields,
    NetworkRetry,
    RequestRejected,
    DraftNotFound,
    DraftExpired,
    ConfirmationHeading,
    ConfirmationNote,
    ContractNumber,
    Offer,
    StartDate,
    MonthlyPrice,
    DownloadContract,
    NewSignup,
    ExistingCustomer,
    ExistingCustomerIntro,
    VerifyHeading,
    VerifyIntro,
    VerifyCinLabel,
    VerifyLineLabel,
    VerifyLineHint,
    Verify,
    Verifying,
    BackToOffers,
    VerificationFailed,
    TooManyAttempts,
    SessionExpired,
    SessionInvalid,
    VerifiedContinue,
    DashboardHeading,
    DashboardIntro,
    LoadingSubscriptions,
    NoSubscriptions,
    Line,
    Service,
    CommitmentEnd,
    ChangePlan,
    PreparingDocument,
    PlanChangeHeading,
    CurrentOffer,
    ChooseNewOffer,
    Upgrade,
    Downgrade,
    DifferencePerMonth,
    NoEligibleOffers,
    EffectiveDate,
    EffectiveDateHint,
    ConfirmChange,
    SubmittingChange,
    Back,
    PlanChangedHeading,
    NewOffer,
    ContractVersion,
    BackToSubscriptions,
    MyInvoices,
    InvoicesHeading,
    LoadingInvoices,
    NoInvoices,
    NoInvoicesWithStatus,
    FilterAll,
    StatusOpen,
    StatusPartiallyPaid,
    StatusPaid,
    StatusOverdue,
    DueOn,
    InvoiceTotal,
    Outstanding,
    ShowDetails,
    HideDetails,
    DownloadInvoice,
    LastTwelveMonths,
    LineDays,
    FirstInvoicePreview,
    NoWebGL,
};

std::string_view text(Text id, Language language);

// "octobre" / "October" (month 1..12).
std::string_view month_name(int month, Language language);
// "oct." / "Oct" for the chart's axis; `initial` gives one letter ("O") for phones.
std::string_view short_month_name(int month, Language language, bool initial = false);

// `text(id)` with its "{}" replaced by `value` ("Engagement minimum : {} mois").
std::string text(Text id, Language language, std::string_view value);
std::string text(Text id, Language language, int value);

} // namespace isp::portal
