#include "HttpParser.h"

#include <QUrl>

namespace rd::server {

namespace {

bool isTokenChar(char c)
{
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
        return true;
    return QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

bool isToken(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (const char c : text) {
        if (!isTokenChar(c))
            return false;
    }
    return true;
}

// Field values: visible characters, spaces, tabs and obs-text.
bool isFieldValue(QByteArrayView text)
{
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 ? u != '\t' : u == 0x7f)
            return false;
    }
    return true;
}

HttpHeadResult failure(int status, const char *code, const QString &message)
{
    HttpHeadResult r;
    r.kind = HttpHeadResult::Kind::Error;
    r.status = status;
    r.code = QString::fromLatin1(code);
    r.message = message;
    return r;
}

// Where the head ends (the index just past its empty line), or -1.
qsizetype headEnd(QByteArrayView buffer)
{
    for (qsizetype i = buffer.indexOf('\n'); i >= 0 && i + 1 < buffer.size();
         i = buffer.indexOf('\n', i + 1)) {
        if (buffer[i + 1] == '\n')
            return i + 2;
        if (buffer[i + 1] == '\r' && i + 2 < buffer.size() && buffer[i + 2] == '\n')
            return i + 3;
    }
    return -1;
}

// The lines of a complete head, without their CRLF or LF; false if a
// line holds a CR or NUL of its own.
bool splitLines(QByteArrayView head, QList<QByteArrayView> *lines)
{
    qsizetype start = 0;
    while (start < head.size()) {
        const qsizetype end = head.indexOf('\n', start);
        QByteArrayView line = head.sliced(start, end - start);
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.contains('\r') || line.contains('\0'))
            return false;
        lines->append(line);
        start = end + 1;
    }
    if (!lines->isEmpty() && lines->constLast().isEmpty())
        lines->removeLast();
    return true;
}

// Reads "METHOD SP target SP HTTP/1.x" into head; an error result if not.
std::optional<HttpHeadResult> readRequestLine(QByteArrayView line, const HttpHeadLimits &limits,
                                              HttpHead *head)
{
    const qsizetype first = line.indexOf(' ');
    const qsizetype last = line.lastIndexOf(' ');
    if (first <= 0 || last == first)
        return failure(400, "bad_request", QStringLiteral("Malformed request line."));
    const QByteArrayView target = line.sliced(first + 1, last - first - 1);
    if (target.size() > limits.maxUrlBytes)
        return failure(414, "uri_too_long",
                       QStringLiteral("The URL is longer than %1 bytes.").arg(limits.maxUrlBytes));
    const QByteArrayView method = line.first(first);
    const QByteArrayView version = line.sliced(last + 1);
    // Origin form ("/path?query"), or the absolute form a proxy sends
    // ("http://host/path"), which a server must accept (RFC 9112 §3.2.2).
    const bool absolute = target.startsWith("http://") || target.startsWith("https://");
    if (!isToken(method) || target.isEmpty() || (target.front() != '/' && !absolute))
        return failure(400, "bad_request", QStringLiteral("Malformed request line."));
    for (const char c : target) {
        if (static_cast<unsigned char>(c) <= 0x20 || static_cast<unsigned char>(c) >= 0x7f)
            return failure(400, "bad_request", QStringLiteral("Malformed request target."));
    }
    if (version == "HTTP/1.1" || version == "HTTP/1.0") {
        head->minorVersion = version.back() - '0';
    } else if (version.startsWith("HTTP/") && version.size() == 8 && version[6] == '.') {
        return failure(505, "http_version_not_supported",
                       QStringLiteral("Only HTTP/1.0 and HTTP/1.1 are served."));
    } else {
        return failure(400, "bad_request", QStringLiteral("Malformed request line."));
    }
    head->method = method.toByteArray();
    head->target = target.toByteArray();
    const QUrl url = QUrl::fromEncoded(absolute ? head->target : "http://localhost" + head->target,
                                       QUrl::StrictMode);
    if (!url.isValid() || (absolute && !url.path().startsWith(QLatin1Char('/'))))
        return failure(400, "bad_request", QStringLiteral("Malformed request target."));
    head->path = url.path(QUrl::FullyDecoded);
    head->query = QUrlQuery(url);
    head->keepAlive = head->minorVersion == 1;
    return std::nullopt;
}

// The meaning of the headers that frame the request; an error if they
// contradict each other.
std::optional<HttpHeadResult> readFraming(HttpHead *head, int contentLengths)
{
    const QByteArray length = head->header("content-length");
    const QByteArray coding = head->header("transfer-encoding").trimmed().toLower();
    if (!coding.isEmpty() && contentLengths > 0)
        return failure(400, "bad_request",
                       QStringLiteral("Content-Length and Transfer-Encoding together."));
    if (!coding.isEmpty()) {
        head->chunked = coding == "chunked";
        head->otherTransferCoding = !head->chunked;
    }
    if (contentLengths > 0) {
        bool ok = length.size() <= 18 && !length.isEmpty();
        for (const char c : length)
            ok = ok && c >= '0' && c <= '9';
        if (!ok)
            return failure(400, "bad_request", QStringLiteral("Malformed Content-Length."));
        head->contentLength = length.toLongLong();
    }
    for (const QByteArray &option : head->header("connection").toLower().split(',')) {
        if (option.trimmed() == "close")
            head->keepAlive = false;
        else if (option.trimmed() == "keep-alive")
            head->keepAlive = true;
    }
    const QByteArray expect = head->header("expect").trimmed().toLower();
    if (!expect.isEmpty() && expect != "100-continue")
        return failure(417, "expectation_failed",
                       QStringLiteral("Only \"Expect: 100-continue\" is understood."));
    head->expectContinue = !expect.isEmpty() && head->minorVersion == 1;
    return std::nullopt;
}

// Reads the header fields (lines after the request line).
std::optional<HttpHeadResult> readFields(const QList<QByteArrayView> &lines,
                                         const HttpHeadLimits &limits, HttpHead *head)
{
    if (lines.size() - 1 > limits.maxHeaderCount)
        return failure(431, "headers_too_large",
                       QStringLiteral("More than %1 header fields.").arg(limits.maxHeaderCount));
    int contentLengths = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArrayView line = lines[i];
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || !isToken(line.first(colon)))
            return failure(400, "bad_request", QStringLiteral("Malformed header field."));
        const QByteArray name = line.first(colon).toByteArray().toLower();
        const QByteArray value = line.sliced(colon + 1).toByteArray().trimmed();
        if (!isFieldValue(value))
            return failure(400, "bad_request", QStringLiteral("Malformed header field."));
        if (name == "content-length") {
            if (++contentLengths > 1 && head->headers.value(name) != value)
                return failure(400, "bad_request", QStringLiteral("Conflicting Content-Length."));
        }
        head->headers.insert(name, value);
    }
    return readFraming(head, contentLengths);
}

} // namespace

HttpHeadResult parseHttpHead(QByteArrayView buffer, const HttpHeadLimits &limits)
{
    // Empty lines before a request are ignored (RFC 9112 §2.2).
    qsizetype skipped = 0;
    while (skipped < buffer.size() && (buffer[skipped] == '\r' || buffer[skipped] == '\n'))
        ++skipped;
    const QByteArrayView rest = buffer.sliced(skipped);
    const qsizetype end = headEnd(rest);
    const qsizetype firstLineEnd = rest.indexOf('\n');
    // "GET " + target + " HTTP/1.1\r\n": a line longer than that is a long URL.
    const qsizetype maxLine = limits.maxUrlBytes + 64;
    if ((firstLineEnd < 0 && rest.size() > maxLine) || firstLineEnd > maxLine)
        return failure(414, "uri_too_long",
                       QStringLiteral("The URL is longer than %1 bytes.").arg(limits.maxUrlBytes));
    if ((end < 0 && buffer.size() > limits.maxHeaderBytes) ||
        (end >= 0 && skipped + end > limits.maxHeaderBytes))
        return failure(431, "headers_too_large",
                       QStringLiteral("The request line and headers are longer than %1 bytes.")
                           .arg(limits.maxHeaderBytes));
    if (end < 0) {
        HttpHeadResult more;
        more.consumed = 0;
        return more;
    }
    QList<QByteArrayView> lines;
    if (!splitLines(rest.first(end), &lines) || lines.isEmpty())
        return failure(400, "bad_request", QStringLiteral("Malformed request head."));
    HttpHeadResult result;
    if (auto error = readRequestLine(lines.front(), limits, &result.head))
        return *error;
    if (auto error = readFields(lines, limits, &result.head))
        return *error;
    result.kind = HttpHeadResult::Kind::Complete;
    result.consumed = skipped + end;
    return result;
}

} // namespace rd::server
