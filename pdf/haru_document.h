// HaruDocument: one PDF being produced with libharu, from empty document to bytes.
// Owns the libharu plumbing every document kind shares: the embedded font, UTF-8
// text, deterministic metadata, error reporting, and saving to memory. Layout (where
// text goes) is in layout.h; what a contract and an invoice say is in
// contract_document.cpp and invoice_document.cpp.
#pragma once
#include <memory>
#include <string>

#include <hpdf.h>

#include "shared/domain/date.h"

namespace isp::pdf {

// The document information dictionary. No clock is read anywhere: the dates come from
// the record being printed, so the same record always gives the same bytes.
struct DocumentInfo {
    std::string title;
    std::string author;
    std::string subject;
    std::string creator;
    Date created; // written as CreationDate and ModDate, midnight UTC
};

class HaruDocument {
public:
    // Starts an empty document. Cheap after the first call on a thread: the parsed
    // fonts are kept per thread (see haru_document.cpp for why).
    explicit HaruDocument(const DocumentInfo& info);
    ~HaruDocument();
    HaruDocument(const HaruDocument&) = delete;
    HaruDocument& operator=(const HaruDocument&) = delete;

    HPDF_Doc handle() const;
    // DejaVu Sans (isp::assets::font_regular), embedded, UTF-8 text. The only font
    // object of the document: see haru_document.cpp for why bold is not a second one.
    HPDF_Font font() const { return font_; }

    // A PNG or JPEG image (told apart by their signatures) for Layout::image. Throws
    // std::invalid_argument for anything else, std::runtime_error if libharu refuses it.
    HPDF_Image load_image(const std::string& bytes);

    // Appends an A4 portrait page.
    HPDF_Page add_page();

    // Throws std::runtime_error naming `what` if libharu reported an error since the
    // document began. libharu reports through a C callback that must not throw, so
    // callers check at the end of each step instead.
    void check(const char* what) const;

    // Serialises the document. Throws std::runtime_error on failure.
    std::string save();

    struct Engine; // libharu handle with fonts loaded, reused across documents

private:
    std::unique_ptr<Engine> engine_;
    HPDF_Font font_ = nullptr;
};

} // namespace isp::pdf
