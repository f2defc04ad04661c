#include <doctest/doctest.h>

#include "shared/domain/email.h"

using isp::normalize_email;

TEST_CASE("e-mail addresses are trimmed and their domain lower-cased") {
    CHECK(normalize_email(" Amina.E@Example.MA ") == "Amina.E@example.ma");
    CHECK(normalize_email("a+b@sub.example.com") == "a+b@sub.example.com");
}

TEST_CASE("mistyped e-mail addresses are refused") {
    CHECK_FALSE(normalize_email(""));
    CHECK_FALSE(normalize_email("amina"));
    CHECK_FALSE(normalize_email("amina@"));
    CHECK_FALSE(normalize_email("@example.ma"));
    CHECK_FALSE(normalize_email("amina@example"));
    CHECK_FALSE(normalize_email("amina@@example.ma"));
    CHECK_FALSE(normalize_email("ami na@example.ma"));
    CHECK_FALSE(normalize_email("amina@example..ma"));
    CHECK_FALSE(normalize_email("amina@example.m"));
}
