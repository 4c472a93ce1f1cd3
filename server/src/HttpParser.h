#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QString>
#include <QUrlQuery>

namespace rd::server {

// A request's line and headers as HttpParser read them.
struct HttpHead
{
    QByteArray method;
    QByteArray target; // as sent: percent-encoded, with the query
    QString path;      // decoded, without the query
    QUrlQuery query;
    int minorVersion = 1;                  // HTTP/1.<minorVersion>
    QHash<QByteArray, QByteArray> headers; // names in lower case; a repeated one keeps its last
    qint64 contentLength = 0;
    bool chunked = false;             // Transfer-Encoding: chunked (refused: 411)
    bool otherTransferCoding = false; // any other Transfer-Encoding (refused: 501)
    bool keepAlive = true;
    bool expectContinue = false;

    QByteArray header(const char *name) const { return headers.value(QByteArray(name)); }
};

struct HttpHeadLimits
{
    qint64 maxHeaderBytes = 32 * 1024;
    qint64 maxUrlBytes = 8 * 1024;
    int maxHeaderCount = 100;
};

// The outcome of reading a request head from the start of a buffer.
struct HttpHeadResult
{
    enum class Kind
    {
        NeedMore, // no complete head yet, and none of the limits passed
        Complete, // head is read; consumed bytes of the buffer were its
        Error     // status/code/message say what is wrong; answer and close
    };
    Kind kind = Kind::NeedMore;
    qsizetype consumed = 0;
    HttpHead head;
    int status = 0;
    QString code;
    QString message;
};

// A small strict HTTP/1.1 request-head parser (RFC 9112): the request
// line (origin-form targets only), header fields without obsolete line
// folding, Content-Length (one value, digits), Transfer-Encoding,
// Connection and Expect. Lines end in CRLF or LF; a bare CR, a control
// character or a space before a colon is a 400. The limits are checked as
// the bytes come, so an endless line is refused (414 or 431) without
// waiting for its end. The body is not its business.
HttpHeadResult parseHttpHead(QByteArrayView buffer, const HttpHeadLimits &limits);

} // namespace rd::server
