#include "pdf/haru_document.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <span>
#include <stdexcept>

#include <malloc.h>
#include <unistd.h>

#include "web/assets/embedded_assets.h"

namespace isp::pdf {

// libharu reports errors through this callback. It must not throw (the exception
// would unwind through C frames), so it records the first error for check(). Outside the
// anonymous namespace because HaruDocument::Engine holds one.
struct HaruErrorState {
    HPDF_STATUS error = HPDF_OK;
    HPDF_STATUS detail = 0;
};

namespace {

void on_haru_error(HPDF_STATUS error, HPDF_STATUS detail, void* user_data) {
    auto* state = static_cast<HaruErrorState*>(user_data);
    if (state->error == HPDF_OK) {
        state->error = error;
        state->detail = detail;
    }
}

[[noreturn]] void fail(const std::string& what, HPDF_STATUS error, HPDF_STATUS detail) {
    char code[48];
    std::snprintf(code, sizeof code, " (libharu error 0x%04lX, detail %lu)", static_cast<unsigned long>(error),
                  static_cast<unsigned long>(detail));
    throw std::runtime_error("PDF: " + what + code);
}

// libharu 2.3.0 loads TrueType fonts from a path only. The bytes compiled into the
// binary are written to a private temporary file (mkstemp: 0600, unpredictable name),
// loaded, and unlinked at once: libharu keeps its own descriptor open to copy the
// glyphs it embeds, so nothing is left on disk, even if the process is killed later.
std::string load_font(HPDF_Doc doc, std::span<const unsigned char> bytes) {
    const char* dir = std::getenv("TMPDIR");
    std::string path = std::string(dir && *dir ? dir : "/tmp") + "/isp-pdf-font-XXXXXX";
    const int fd = ::mkstemp(path.data());
    if (fd < 0)
        throw std::runtime_error("PDF: cannot create a temporary font file in " + path + ": " + std::strerror(errno));
    std::size_t written = 0;
    while (written < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            const int saved = errno;
            ::close(fd);
            ::unlink(path.c_str());
            throw std::runtime_error("PDF: cannot write the temporary font file: " + std::string(std::strerror(saved)));
        }
        written += static_cast<std::size_t>(n);
    }
    ::close(fd);
    const char* name = HPDF_LoadTTFontFromFile(doc, path.c_str(), HPDF_TRUE);
    ::unlink(path.c_str());
    if (!name)
        throw std::runtime_error("PDF: libharu could not load the embedded TrueType font");
    return name;
}

// Each document allocates and frees a few hundred KB (libharu's objects, and zlib's
// deflate state for every compressed stream). With glibc's default trim threshold the
// freed memory at the top of the heap is returned to the kernel after every stream
// and faulted back in (zeroed) for the next: measured at a quarter of the rendering
// time, and ~300 instead of ~410 one-page contracts/s. Keeping up to 64 MiB of free
// heap instead is a process-wide setting, made once, when the first PDF is rendered.
void keep_freed_heap_for_reuse() {
    static std::once_flag once;
    std::call_once(once, [] { mallopt(M_TRIM_THRESHOLD, 64 << 20); });
}

} // namespace

// A libharu handle with the UTF-8 encoder registered and the font parsed.
//
// Why it is reused: HPDF_NewDoc frees the previous document's objects but keeps the
// handle's font definitions and encoders (libharu's own design: HPDF_FreeDoc versus
// HPDF_FreeDocAll), so each thread writes the font to disk and parses it once, and
// every later document only references it.
// A handle is used by one document at a time; each thread caches one.
//
// Why only one font: even with the parsed font reused, every embedded UTF-8 font costs
// libharu 2.3.0 about 1.5-2 ms per document (HPDF_GetFont builds a 65,536-entry
// CIDToGIDMap and width array and compresses them; measured on the project's 2-core
// machine). DejaVu Sans Bold as a second font object capped a one-page contract at
// ~245 documents/s and 21 KB; with the regular face only, bold text is drawn by
// stroking the regular glyphs (Layout, FontFace::Bold), which roughly doubles that.
struct HaruDocument::Engine {
    HaruErrorState errors;
    HPDF_Doc doc = nullptr;
    std::string font_name;

    Engine() {
        keep_freed_heap_for_reuse();
        doc = HPDF_New(on_haru_error, &errors);
        if (!doc)
            throw std::runtime_error("PDF: libharu could not allocate a document");
        try {
            if (HPDF_UseUTFEncodings(doc) != HPDF_OK)
                fail("cannot enable UTF-8 encodings", errors.error, errors.detail);
            font_name = load_font(doc, assets::font_regular);
            if (errors.error != HPDF_OK)
                fail("cannot load fonts", errors.error, errors.detail);
        } catch (...) {
            HPDF_Free(doc);
            throw;
        }
    }
    ~Engine() { HPDF_Free(doc); }
    Engine(const Engine&) = delete;
    Engine& operator=(const Engine&) = delete;
};

namespace {

thread_local std::unique_ptr<HaruDocument::Engine> cached_engine;

HPDF_Date to_haru_date(const Date& date) {
    HPDF_Date d{};
    d.year = date.year;
    d.month = date.month;
    d.day = date.day;
    d.ind = 'Z';
    return d;
}

} // namespace

HaruDocument::HaruDocument(const DocumentInfo& info)
    : engine_(cached_engine ? std::move(cached_engine) : std::make_unique<Engine>()) {
    HPDF_Doc doc = engine_->doc;
    engine_->errors = {};
    HPDF_NewDoc(doc);
    HPDF_SetCompressionMode(doc, HPDF_COMP_ALL);
    // The current encoder also decides how the info strings are written: with UTF-8
    // set, libharu writes them as UTF-16BE, so accented titles survive.
    HPDF_SetCurrentEncoder(doc, "UTF-8");
    HPDF_SetInfoAttr(doc, HPDF_INFO_TITLE, info.title.c_str());
    HPDF_SetInfoAttr(doc, HPDF_INFO_AUTHOR, info.author.c_str());
    HPDF_SetInfoAttr(doc, HPDF_INFO_SUBJECT, info.subject.c_str());
    HPDF_SetInfoAttr(doc, HPDF_INFO_CREATOR, info.creator.c_str());
    HPDF_SetInfoDateAttr(doc, HPDF_INFO_CREATION_DATE, to_haru_date(info.created));
    HPDF_SetInfoDateAttr(doc, HPDF_INFO_MOD_DATE, to_haru_date(info.created));
    font_ = HPDF_GetFont(doc, engine_->font_name.c_str(), "UTF-8");
    check("cannot start a document");
}

HaruDocument::~HaruDocument() {
    // Give the handle back to this thread's cache, unless it saw an error (then its
    // state is unknown: drop it, the next document parses the fonts again) or another
    // document on this thread already returned one.
    if (engine_ && engine_->errors.error == HPDF_OK && !cached_engine)
        cached_engine = std::move(engine_);
}

HPDF_Doc HaruDocument::handle() const {
    return engine_->doc;
}

HPDF_Page HaruDocument::add_page() {
    HPDF_Page page = HPDF_AddPage(engine_->doc);
    if (page)
        HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
    check("cannot add a page");
    return page;
}

HPDF_Image HaruDocument::load_image(const std::string& bytes) {
    const auto* data = reinterpret_cast<const HPDF_BYTE*>(bytes.data());
    const auto size = static_cast<HPDF_UINT>(bytes.size());
    HPDF_Image image = nullptr;
    if (bytes.starts_with("\x89PNG\r\n\x1a\n"))
        image = HPDF_LoadPngImageFromMem(engine_->doc, data, size);
    else if (bytes.starts_with("\xff\xd8\xff"))
        image = HPDF_LoadJpegImageFromMem(engine_->doc, data, size);
    else
        throw std::invalid_argument("PDF: an image must be PNG or JPEG");
    check("cannot load the image");
    return image;
}

void HaruDocument::check(const char* what) const {
    if (engine_->errors.error != HPDF_OK)
        fail(what, engine_->errors.error, engine_->errors.detail);
}

std::string HaruDocument::save() {
    HPDF_Doc doc = engine_->doc;
    HPDF_SaveToStream(doc);
    check("cannot serialise the document");
    HPDF_UINT32 size = HPDF_GetStreamSize(doc);
    std::string bytes(size, '\0');
    HPDF_ResetStream(doc);
    const HPDF_STATUS status = HPDF_ReadFromStream(doc, reinterpret_cast<HPDF_BYTE*>(bytes.data()), &size);
    check("cannot read the serialised document");
    if ((status != HPDF_OK && status != HPDF_STREAM_EOF) || size != bytes.size())
        fail("short read of the serialised document", status, 0);
    return bytes;
}

} // namespace isp::pdf
