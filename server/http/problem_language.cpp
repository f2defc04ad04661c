#include "server/http/problem_language.h"

#include <cstdlib>
#include <string>

#include <httplib.h>

#include "server/http/problem.h"
#include "shared/domain/text.h"

namespace isp::http {
namespace {

struct Translation {
    std::string_view english;
    std::string_view french;
};

// Every text a public endpoint writes in one language only, as the code writes it.
constexpr Translation translations[] = {
    {"This lookup token is not valid. Verify your identity again (CIN and line number).",
     "Ce jeton de consultation n\u2019est pas valide. V\u00e9rifiez \u00e0 nouveau votre identit\u00e9 (CIN et "
     "num\u00e9ro de ligne)."},
    {"This lookup token has expired. Verify your identity again (CIN and line number).",
     "Ce jeton de consultation a expir\u00e9. V\u00e9rifiez \u00e0 nouveau votre identit\u00e9 (CIN et num\u00e9ro "
     "de ligne)."},
    {"This lookup token does not open this CIN. Verify your identity again.",
     "Ce jeton de consultation n\u2019ouvre pas ce CIN. V\u00e9rifiez \u00e0 nouveau votre identit\u00e9."},
    {"This document link is not valid. Ask for a new link from the portal.",
     "Ce lien de document n\u2019est pas valide. Demandez un nouveau lien depuis le portail."},
    {"This document link has expired. Ask for a new link from the portal.",
     "Ce lien de document a expir\u00e9. Demandez un nouveau lien depuis le portail."},
    {"This link needs its token; open the link from the portal as it was given.",
     "Ce lien a besoin de son jeton ; ouvrez le lien depuis le portail tel qu\u2019il a \u00e9t\u00e9 donn\u00e9."},
    {"This contract is not one of yours. Check the contract, or verify your identity again.",
     "Ce contrat n\u2019est pas l\u2019un des v\u00f4tres. V\u00e9rifiez le contrat, ou v\u00e9rifiez \u00e0 nouveau "
     "votre identit\u00e9."},
    {"The contract's records are incomplete; retry later.",
     "Les donn\u00e9es du contrat sont incompl\u00e8tes ; r\u00e9essayez plus tard."},
    {"No draft has this id. Check the link, or start a new subscription.",
     "Aucun brouillon ne porte cet identifiant. V\u00e9rifiez le lien, ou commencez une nouvelle souscription."},
    {"This draft has expired. Please start a new subscription.",
     "Ce brouillon a expir\u00e9. Commencez une nouvelle souscription."},
    {"The draft has invalid fields; see errors.", "Le brouillon a des champs invalides ; voir errors."},
    {"The request body is empty; a JSON object is expected.",
     "Le corps de la requ\u00eate est vide ; un objet JSON est attendu."},
    {"The request body must be a JSON object.", "Le corps de la requ\u00eate doit \u00eatre un objet JSON."},
    {"The database could not complete the request; retry later.",
     "La base de donn\u00e9es n\u2019a pas pu traiter la requ\u00eate ; r\u00e9essayez plus tard."},
    {"This request needs an Idempotency-Key header (8 to 128 characters: letters, digits, - _ . :), unique per "
     "operation attempt.",
     "Cette requ\u00eate demande un en-t\u00eate Idempotency-Key (8 \u00e0 128 caract\u00e8res : lettres, chiffres, "
     "- _ . :), unique pour chaque tentative."},
    {"The Idempotency-Key must be 8 to 128 characters: letters, digits, - _ . :",
     "L\u2019Idempotency-Key doit compter 8 \u00e0 128 caract\u00e8res : lettres, chiffres, - _ . :"},
    {"This Idempotency-Key was already used for a different request; use a new key.",
     "Cette Idempotency-Key a d\u00e9j\u00e0 servi pour une autre requ\u00eate ; utilisez-en une nouvelle."},
    {"Some fields have the wrong type; see errors.", "Certains champs n\u2019ont pas le bon type ; voir errors."},
    {"Some fields are missing or have the wrong type; see errors.",
     "Certains champs manquent ou n\u2019ont pas le bon type ; voir errors."},
    {"Some fields are invalid; see errors.", "Certains champs sont invalides ; voir errors."},
    {"Send either lookup_token, or cin and service_identifier; see errors.",
     "Envoyez soit lookup_token, soit cin et service_identifier ; voir errors."},
    {"Unknown invoice status.", "Statut de facture inconnu."},
    {"status must be open, partially_paid, paid or overdue.",
     "status doit valoir open, partially_paid, paid ou overdue."},
    {"Invalid pagination parameters.", "Param\u00e8tres de pagination invalides."},
    {"page must be a whole number from 1 to 1000000000.",
     "page doit \u00eatre un nombre entier de 1 \u00e0 1000000000."},
    {"per_page must be a whole number from 1 to 100.", "per_page doit \u00eatre un nombre entier de 1 \u00e0 100."},
    // Staff sign-in (the console's sign-in screen shows them as they come).
    {"The e-mail or the password is wrong, or the account cannot sign in.",
     "L\u2019e-mail ou le mot de passe est incorrect, ou le compte ne peut pas se connecter."},
    {"Enter the code of your authenticator app (or a recovery code).",
     "Saisissez le code de votre application d\u2019authentification (ou un code de secours)."},
    {"This code is not valid or has already been used.", "Ce code n\u2019est pas valide ou a d\u00e9j\u00e0 servi."},
    {"Too many failed sign-ins; wait before trying again.",
     "Trop de connexions \u00e9chou\u00e9es ; patientez avant de r\u00e9essayer."},
    {"The session has ended; sign in again.", "La session est termin\u00e9e ; reconnectez-vous."},
    {"This password link is not valid or has already been used; ask an administrator for a new one.",
     "Ce lien de mot de passe n\u2019est pas valide ou a d\u00e9j\u00e0 servi ; demandez-en un nouveau \u00e0 un "
     "administrateur."},
    {"This password link has expired; ask an administrator for a new one.",
     "Ce lien de mot de passe a expir\u00e9 ; demandez-en un nouveau \u00e0 un administrateur."},
    {"The request has invalid fields; see errors.", "La requ\u00eate a des champs invalides ; voir errors."},
    {"The current password is wrong.", "Le mot de passe actuel est incorrect."},
    {"The password is wrong.", "Le mot de passe est incorrect."},
    {"Your role requires a second factor: enrol an authenticator app first.",
     "Votre r\u00f4le exige un second facteur : enregistrez d\u2019abord une application d\u2019authentification."},
};

void translate(std::string& text, Language language) {
    for (const Translation& t : translations) {
        const std::string_view from = language == Language::French ? t.english : t.french;
        if (text == from) {
            text = language == Language::French ? t.french : t.english;
            return;
        }
    }
}

// q-value of one list member ("fr-MA;q=0.8" -> 0.8); 1 without one, 0 when malformed.
double quality(std::string_view parameters) {
    while (!parameters.empty()) {
        const auto semi = parameters.find(';');
        const std::string_view p = trim(parameters.substr(0, semi));
        if (p.size() > 2 && (p[0] == 'q' || p[0] == 'Q') && p[1] == '=') {
            const std::string value(p.substr(2));
            char* end = nullptr;
            const double q = std::strtod(value.c_str(), &end);
            return end == value.c_str() + value.size() && q >= 0 && q <= 1 ? q : 0;
        }
        if (semi == std::string_view::npos)
            break;
        parameters.remove_prefix(semi + 1);
    }
    return 1;
}

bool primary_subtag_is(std::string_view range, std::string_view language) {
    if (range.size() < language.size())
        return false;
    for (std::size_t i = 0; i < language.size(); ++i)
        if ((range[i] | 0x20) != language[i])
            return false;
    return range.size() == language.size() || range[language.size()] == '-';
}

} // namespace

std::optional<Language> accepted_language(std::string_view header) {
    std::optional<Language> best;
    double best_q = 0;
    while (!header.empty()) {
        const auto comma = header.find(',');
        const std::string_view member = trim(header.substr(0, comma));
        const auto semi = member.find(';');
        const std::string_view range = trim(member.substr(0, semi));
        const double q = semi == std::string_view::npos ? 1 : quality(member.substr(semi + 1));
        std::optional<Language> language;
        if (primary_subtag_is(range, "fr"))
            language = Language::French;
        else if (primary_subtag_is(range, "en"))
            language = Language::English;
        if (language && q > best_q) { // the first of equal preference wins
            best = language;
            best_q = q;
        }
        if (comma == std::string_view::npos)
            break;
        header.remove_prefix(comma + 1);
    }
    return best;
}

std::optional<Language> accepted_language(const httplib::Request& req) {
    return accepted_language(req.get_header_value("Accept-Language"));
}

void put_in_language(ApiError& e, Language language) {
    translate(e.detail, language);
    for (FieldError& error : e.errors)
        translate(error.message, language);
}

} // namespace isp::http
