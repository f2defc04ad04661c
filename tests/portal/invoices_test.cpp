// A verified customer's invoices, natively: the list as the server sent it, one invoice's
// lines opened and closed, the list narrowed by status, and the PDF opened through the link
// each invoice carries.
#include <doctest/doctest.h>

#include "portal_fixture.h"

namespace isp::portal::test {

TEST_CASE_FIXTURE(PortalFixture, "a customer opens the invoices, reads one's lines, filters and downloads the PDF") {
    open();
    verify_as_amina();

    script(http, canned::invoices);
    customer().open_invoices();
    CHECK(busy() == "loading_invoices");
    CHECK(screen() == "dashboard"); // until the list is there
    REQUIRE(http.deliver() == 1);
    const auto asked = http.sent_to("GET", "/landing/clients/{cin}/invoices");
    REQUIRE(asked.size() == 1);
    CHECK(api_path(asked[0]) == "/landing/clients/AB123456/invoices");
    CHECK(header(asked[0], "Authorization") ==
          "Bearer " + json_of(canned::verified).at("lookup_token").get<std::string>());
    CHECK(asked[0].url.find("lookup_token") == std::string::npos);

    CHECK(screen() == "invoices");
    CHECK(busy() == "");
    const nlohmann::json answer = json_of(canned::invoices).at("data");
    nlohmann::json shown = state();
    REQUIRE(shown["invoices"].size() == 3);
    const nlohmann::json& october = shown["invoices"][0];
    CHECK(october["invoice_number"] == "FAC-2026-000007");
    CHECK(october["period"] == "2026-10");
    CHECK(october["status"] == "paid");
    CHECK(plain(october["total"]) == "118,80 MAD");
    CHECK(october["lines"] == 1);
    CHECK(plain(shown["invoices"][2]["total"]) == "34,49 MAD");

    const std::string id = answer[0].at("invoice_id");
    customer().toggle_invoice(id);
    CHECK(state()["expanded_invoice"] == id);
    customer().toggle_invoice(id);
    CHECK(state()["expanded_invoice"] == "");

    customer().set_invoice_filter(InvoiceStatus::Paid);
    CHECK(state()["invoice_filter"] == "paid");
    customer().set_invoice_filter(std::nullopt);
    CHECK(state()["invoice_filter"].is_null());

    customer().download_invoice(id);
    CHECK(browser.opened_documents == std::vector<std::string>{answer[0].at("document_download_url")});
    CHECK(http.waiting() == 0); // the list's signed link: nothing more to ask

    customer().back_to_dashboard();
    CHECK(screen() == "dashboard");
}

} // namespace isp::portal::test
