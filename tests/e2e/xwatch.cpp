// sendguard-e2e-xwatch: an event-driven X11 watcher for the end-to-end tests.
//
// It prints one JSON object per line on stdout, each stamped with CLOCK_REALTIME in
// microseconds (the clock of JavaScript's Date.now() and Python's time.time()):
//   {"ev":"ready","t":...}                                     once, when it listens
//   {"ev":"map","t":...,"win":"0x...","title":"..."}           every top-level MapNotify
//   {"ev":"title","t":...,"win":"0x...","title":"..."}         a top-level title change
//   {"ev":"unmap"|"destroy","t":...,"win":"0x..."}
//   {"ev":"damage","t":...,"win":"0x..."}                      first damage of a tracked window
//   {"ev":"painted","t":...,"win":"0x...","glyphPixels":N}     first frame with content
//
// A window is tracked when its title contains one of the arguments (e.g. "SendGuard").
//
// Why damage + XGetImage and not Expose: an Expose only says the server wants a repaint, and
// the first damage after a map can be the server filling the background. "Painted" is the
// first frame, read back with XGetImage after a damage event, that holds enough dark pixels
// to be text (glyphs are dark on Qt's and Thunderbird's light backgrounds); that is the moment
// a person can read the dialog. Usage: sendguard-e2e-xwatch [TITLE-SUBSTRING...]

#include <X11/Xatom.h>
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <X11/extensions/Xdamage.h>

#include <cstdint>
#include <cstdio>
#include <ctime>
#include <map>
#include <string>
#include <vector>

namespace {

constexpr int kGlyphPixelThreshold = 40;
constexpr int kDarkLuminance = 100;

struct TrackedWindow
{
    Damage damage = 0;
    bool damaged = false;
    bool painted = false;
};

int64_t nowMicroseconds()
{
    timespec ts{};
    clock_gettime(CLOCK_REALTIME, &ts);
    return int64_t(ts.tv_sec) * 1000000 + ts.tv_nsec / 1000;
}

std::string jsonEscaped(const std::string &text)
{
    std::string out;
    for (unsigned char c : text) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += char(c);
        } else if (c < 0x20) {
            char buffer[8];
            std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
            out += buffer;
        } else {
            out += char(c);
        }
    }
    return out;
}

void emit(const char *event, Window window, const std::string &extra = {})
{
    std::printf("{\"ev\":\"%s\",\"t\":%lld,\"win\":\"0x%lx\"%s}\n", event,
                static_cast<long long>(nowMicroseconds()), window, extra.c_str());
    std::fflush(stdout);
}

// Windows vanish between an event and our request; those errors are expected.
int ignoreXErrors(Display *, XErrorEvent *)
{
    return 0;
}

std::string windowTitle(Display *display, Window window)
{
    const Atom netWmName = XInternAtom(display, "_NET_WM_NAME", False);
    const Atom utf8 = XInternAtom(display, "UTF8_STRING", False);
    Atom type = None;
    int format = 0;
    unsigned long count = 0;
    unsigned long remaining = 0;
    unsigned char *data = nullptr;
    if (XGetWindowProperty(display, window, netWmName, 0, 1024, False, utf8, &type, &format, &count,
                           &remaining, &data)
            == Success
        && data != nullptr) {
        std::string title(reinterpret_cast<char *>(data), count);
        XFree(data);
        if (!title.empty())
            return title;
    }
    char *name = nullptr;
    if (XFetchName(display, window, &name) && name != nullptr) {
        std::string title(name);
        XFree(name);
        return title;
    }
    return {};
}

bool isTrackedTitle(const std::string &title, const std::vector<std::string> &patterns)
{
    for (const std::string &pattern : patterns) {
        if (title.find(pattern) != std::string::npos)
            return true;
    }
    return false;
}

int countGlyphPixels(Display *display, Window window)
{
    XWindowAttributes attributes{};
    if (!XGetWindowAttributes(display, window, &attributes) || attributes.map_state != IsViewable)
        return 0;
    XImage *image
        = XGetImage(display, window, 0, 0, attributes.width, attributes.height, AllPlanes, ZPixmap);
    if (image == nullptr)
        return 0;
    int dark = 0;
    for (int y = 0; y < image->height; ++y) {
        for (int x = 0; x < image->width; ++x) {
            const unsigned long pixel = XGetPixel(image, x, y);
            const int red = int((pixel & image->red_mask) >> 16);
            const int green = int((pixel & image->green_mask) >> 8);
            const int blue = int(pixel & image->blue_mask);
            if ((red * 299 + green * 587 + blue * 114) / 1000 < kDarkLuminance)
                ++dark;
        }
    }
    XDestroyImage(image);
    return dark;
}

void startTracking(Display *display, Window window, std::map<Window, TrackedWindow> &tracked)
{
    tracked[window].damage = XDamageCreate(display, window, XDamageReportNonEmpty);
}

void checkPainted(Display *display, Window window, TrackedWindow &state)
{
    if (state.painted)
        return;
    const int glyphPixels = countGlyphPixels(display, window);
    if (glyphPixels < kGlyphPixelThreshold)
        return;
    state.painted = true;
    emit("painted", window, ",\"glyphPixels\":" + std::to_string(glyphPixels));
}

void onTitleSeen(Display *display, Window window, const std::string &title, bool mapped,
                 const std::vector<std::string> &patterns, std::map<Window, TrackedWindow> &tracked)
{
    if (!mapped || !isTrackedTitle(title, patterns))
        return;
    if (tracked.count(window) == 0)
        startTracking(display, window, tracked);
    // The client may have painted before our damage object existed: look once right away.
    checkPainted(display, window, tracked[window]);
}

} // namespace

int main(int argc, char **argv)
{
    Display *display = XOpenDisplay(nullptr);
    if (display == nullptr) {
        std::fprintf(stderr, "sendguard-e2e-xwatch: cannot open display\n");
        return 1;
    }
    int damageEvent = 0;
    int damageError = 0;
    if (!XDamageQueryExtension(display, &damageEvent, &damageError)) {
        std::fprintf(stderr, "sendguard-e2e-xwatch: the X server has no DAMAGE extension\n");
        return 1;
    }
    XSetErrorHandler(ignoreXErrors);
    const std::vector<std::string> patterns(argv + 1, argv + argc);
    const Window root = DefaultRootWindow(display);
    const Atom wmName = XA_WM_NAME;
    const Atom netWmName = XInternAtom(display, "_NET_WM_NAME", False);
    XSelectInput(display, root, SubstructureNotifyMask);
    XSync(display, False);
    std::printf("{\"ev\":\"ready\",\"t\":%lld}\n", static_cast<long long>(nowMicroseconds()));
    std::fflush(stdout);

    std::map<Window, TrackedWindow> tracked;
    std::map<Window, bool> mapped;
    for (;;) {
        XEvent event;
        XNextEvent(display, &event);
        switch (event.type) {
        case CreateNotify:
            if (event.xcreatewindow.parent == root)
                XSelectInput(display, event.xcreatewindow.window, PropertyChangeMask);
            break;
        case MapNotify: {
            if (event.xmap.event != root)
                break;
            const Window window = event.xmap.window;
            const std::string title = windowTitle(display, window);
            mapped[window] = true;
            emit("map", window, ",\"title\":\"" + jsonEscaped(title) + "\"");
            onTitleSeen(display, window, title, true, patterns, tracked);
            break;
        }
        case UnmapNotify:
            if (event.xunmap.event == root) {
                mapped[event.xunmap.window] = false;
                // A window shown again (a reused dialog) is measured again.
                if (const auto it = tracked.find(event.xunmap.window); it != tracked.end()) {
                    it->second.damaged = false;
                    it->second.painted = false;
                }
                emit("unmap", event.xunmap.window);
            }
            break;
        case DestroyNotify:
            if (event.xdestroywindow.event == root) {
                mapped.erase(event.xdestroywindow.window);
                tracked.erase(event.xdestroywindow.window);
                emit("destroy", event.xdestroywindow.window);
            }
            break;
        case PropertyNotify: {
            const Atom atom = event.xproperty.atom;
            if (atom != wmName && atom != netWmName)
                break;
            const Window window = event.xproperty.window;
            const std::string title = windowTitle(display, window);
            emit("title", window, ",\"title\":\"" + jsonEscaped(title) + "\"");
            onTitleSeen(display, window, title, mapped[window], patterns, tracked);
            break;
        }
        default:
            if (event.type == damageEvent + XDamageNotify) {
                const auto *damage = reinterpret_cast<XDamageNotifyEvent *>(&event);
                XDamageSubtract(display, damage->damage, None, None);
                const auto it = tracked.find(damage->drawable);
                if (it == tracked.end())
                    break;
                if (!it->second.damaged) {
                    it->second.damaged = true;
                    emit("damage", it->first);
                }
                checkPainted(display, it->first, it->second);
            }
            break;
        }
    }
}
