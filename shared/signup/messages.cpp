#include "shared/signup/messages.h"

namespace isp {
namespace {

struct Message {
    std::string_view code, fr, en;
};

constexpr Message messages[] = {
    {"required", "Ce champ est obligatoire.", "This field is required."},
    {"too_long", "Ce texte est trop long.", "This text is too long."},
    {"invalid_text", "Ce texte contient des caract\u00e8res non autoris\u00e9s.",
     "This text contains characters that are not allowed."},
    {"duplicate_key", "Ce champ est pr\u00e9sent deux fois.", "This field appears twice."},
    {"number_out_of_range", "Ce nombre est trop grand.", "This number is too large."},
    {"json_too_deep", "Trop de niveaux imbriqu\u00e9s.", "Nested too deeply."},
    {"invalid_type", "Le type de cette valeur est incorrect.", "This value has the wrong type."},
    {"invalid_cin", "CIN invalide : une ou deux lettres suivies de 3 \u00e0 6 chiffres (ex. AB123456).",
     "Invalid CIN: one or two letters followed by 3 to 6 digits (e.g. AB123456)."},
    {"invalid_phone", "Num\u00e9ro invalide : 10 chiffres commen\u00e7ant par 05, 06 ou 07, ou +212.",
     "Invalid number: 10 digits starting with 05, 06 or 07, or +212."},
    {"invalid_email", "Adresse e-mail invalide (ex. nom@exemple.ma).",
     "Invalid e-mail address (e.g. name@example.com)."},
    {"invalid_staff_role", "R\u00f4le inconnu : admin, ops ou viewer.", "Unknown role: admin, ops or viewer."},
    {"invalid_language", "Langue inconnue : fr ou en.", "Unknown language: fr or en."},
    {"invalid_url", "Adresse invalide : http:// ou https://, un nom d'h\u00f4te, sans identifiants ni #fragment.",
     "Invalid URL: http:// or https://, a host name, no user:password@ and no #fragment."},
    {"unknown_event_type", "Type d'\u00e9v\u00e9nement inconnu.", "Unknown event type."},
    {"duplicate_event_type", "Ce type d'\u00e9v\u00e9nement est donn\u00e9 deux fois.",
     "This event type is given twice."},
    {"invalid_account_state", "\u00c9tat inconnu : active ou disabled.", "Unknown state: active or disabled."},
    {"invalid_date", "Date invalide : format AAAA-MM-JJ.", "Invalid date: use YYYY-MM-DD."},
    {"start_date_in_past", "La date de d\u00e9but ne peut pas \u00eatre dans le pass\u00e9.",
     "The start date cannot be in the past."},
    {"start_date_too_far", "La date de d\u00e9but doit \u00eatre dans les 90 prochains jours.",
     "The start date must be within the next 90 days."},
    {"unknown_offer", "Cette offre n'existe pas.", "This offer does not exist."},
    {"offer_inactive", "Cette offre n'est plus propos\u00e9e.", "This offer is no longer available."},
    {"invalid_commitment", "Engagement invalide pour cette offre.", "Invalid commitment for this offer."},
    {"invalid_mobile_number", "Num\u00e9ro de mobile invalide : 06 ou 07 suivi de 8 chiffres.",
     "Invalid mobile number: 06 or 07 followed by 8 digits."},
    {"invalid_landline_number", "Num\u00e9ro de ligne fixe invalide : 05 suivi de 8 chiffres.",
     "Invalid landline number: 05 followed by 8 digits."},
    {"invalid_line_reference",
     "Identifiant de ligne invalide : num\u00e9ro fixe (05...) ou r\u00e9f\u00e9rence de 6 \u00e0 20 lettres et "
     "chiffres.",
     "Invalid line identifier: a fixed number (05...) or a reference of 6 to 20 letters and digits."},
    {"verification_required",
     "Ce CIN appartient d\u00e9j\u00e0 \u00e0 un client : identifiez-vous comme client existant pour ajouter un "
     "abonnement.",
     "This CIN already belongs to a client: verify your identity as an existing customer to add a subscription."},
    {"service_identifier_in_use",
     "Cette ligne a d\u00e9j\u00e0 un contrat. V\u00e9rifiez le num\u00e9ro, ou contactez-nous pour la "
     "transf\u00e9rer.",
     "This line already has a contract. Check the number, or contact us to transfer it."},
    {"invalid_service_identifier",
     "Num\u00e9ro de ligne invalide : mobile (06...), fixe (05...) ou r\u00e9f\u00e9rence de ligne.",
     "Invalid line number: a mobile (06...), landline (05...) number or a line reference."},
    {"verification_failed",
     "Ce CIN et ce num\u00e9ro de ligne ne correspondent \u00e0 aucun abonnement. V\u00e9rifiez-les et r\u00e9essayez.",
     "This CIN and line number do not match any subscription. Check them and try again."},
    {"too_many_attempts", "Trop de tentatives. R\u00e9essayez plus tard.", "Too many attempts. Try again later."},
    {"contract_not_active", "Ce contrat n'est pas actif : il ne peut pas changer d'offre.",
     "This contract is not active: its offer cannot be changed."},
    {"same_offer", "Ce contrat a d\u00e9j\u00e0 cette offre.", "This contract already has this offer."},
    {"different_family",
     "Cette offre est d'une autre famille de service : choisissez une offre de la m\u00eame famille.",
     "This offer belongs to another service family: choose an offer of the same family."},
    {"effective_before_start", "La date d'effet ne peut pas pr\u00e9c\u00e9der le d\u00e9but du contrat.",
     "The effective date cannot be before the contract starts."},
    // Staff API (issue #4): customers and contracts.
    {"invalid_language", "Langue invalide : fr ou en.", "Invalid language: fr or en."},
    {"unknown_client", "Ce client n'existe pas.", "This client does not exist."},
    {"invalid_status", "Statut invalide : active, suspended ou terminated.",
     "Invalid status: active, suspended or terminated."},
    {"invalid_initial_status", "Un nouveau contrat est active ou suspended.", "A new contract is active or suspended."},
    {"invalid_family", "Famille de service invalide : mobile, internet ou landline.",
     "Invalid service family: mobile, internet or landline."},
    {"invalid_provisioning_intent", "Seul le provisionnement auto est pris en charge.",
     "Only the auto provisioning intent is supported."},
    {"effective_before_last_change",
     "La date d'effet ne peut pas pr\u00e9c\u00e9der le dernier changement de statut du contrat.",
     "The effective date cannot be before the contract's last status change."},
    {"termination_date_in_past", "La date de r\u00e9siliation ne peut pas \u00eatre dans le pass\u00e9.",
     "The termination date cannot be in the past."},
    {"termination_date_too_far",
     "La date de r\u00e9siliation doit \u00eatre au plus tard un an apr\u00e8s la fin de l'engagement.",
     "The termination date must be at most a year after the end of the commitment."},
    {"effective_before_scheduled_change",
     "La date d'effet doit suivre celle du dernier changement programm\u00e9 du contrat.",
     "The effective date must be after the contract's last scheduled change."},
    // Staff passwords (issue #12): shared/staff/password_policy.
    {"password_too_short", "Le mot de passe doit contenir au moins 12 caract\u00e8res.",
     "The password must be at least 12 characters long."},
    {"password_too_long",
     "Ce mot de passe est trop long : 256 octets au plus (une lettre accentu\u00e9e en compte deux).",
     "This password is too long: 256 bytes at most (an accented letter counts as two)."},
    {"password_too_common",
     "Ce mot de passe est trop courant : choisissez-en un plus difficile \u00e0 deviner, par exemple une phrase de "
     "plusieurs mots.",
     "This password is too common: choose one that is harder to guess, such as a phrase of several words."},
};

} // namespace

std::string_view validation_message(std::string_view code, Language language) {
    for (const Message& m : messages)
        if (m.code == code)
            return language == Language::French ? m.fr : m.en;
    return language == Language::French ? "Valeur invalide." : "Invalid value.";
}

} // namespace isp
