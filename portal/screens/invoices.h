// The verified client's invoices: a chart of the last twelve months, the list narrowed
// by status, each invoice's lines on demand, and its PDF.
#pragma once
#include "portal/app/app.h"
#include "portal/screens/screen.h"

namespace isp::portal {

class InvoicesScreen : public Screen {
public:
    explicit InvoicesScreen(App& app) : Screen("invoices", app.session()), journey_(app.customer()) {}

    std::string title() const override;

protected:
    void draw_content() override;

private:
    void draw_chart();
    void draw_filters();
    void draw_invoice(const ClientInvoice& invoice, bool idle);

    CustomerJourney& journey_;
};

} // namespace isp::portal
