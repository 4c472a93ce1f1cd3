#include "ContentCoding.h"

#include <QList>

#include <zlib.h>

#include <algorithm>
#include <limits>

namespace rd::server {

namespace {

// A q-value (RFC 9110 §12.4.2) of one element's parameters; 1 if none.
// One that does not parse takes the element out (0).
double qValue(const QList<QByteArray> &parameters)
{
    for (qsizetype i = 1; i < parameters.size(); ++i) {
        const QByteArray p = parameters[i].trimmed();
        if (p.size() < 2 || (p[0] != 'q' && p[0] != 'Q') || p[1] != '=')
            continue;
        bool ok = false;
        const double q = p.sliced(2).trimmed().toDouble(&ok);
        return ok && q >= 0.0 && q <= 1.0 ? q : 0.0;
    }
    return 1.0;
}

bool isText(const QByteArray &contentType)
{
    const QByteArray type = contentType.toLower();
    return type.startsWith("text/") || type.contains("json") || type.contains("xml");
}

const QByteArray *header(const ApiResponse &response, QByteArrayView name)
{
    for (const auto &[key, value] : response.headers)
        if (QByteArrayView(key).compare(name, Qt::CaseInsensitive) == 0)
            return &value;
    return nullptr;
}

QByteArray *header(ApiResponse &response, QByteArrayView name)
{
    return const_cast<QByteArray *>(header(std::as_const(response), name));
}

QByteArray opaqueTag(const QByteArray &tag)
{
    const QByteArray trimmed = tag.trimmed();
    return trimmed.startsWith("W/") ? trimmed.sliced(2) : trimmed;
}

} // namespace

bool acceptsGzip(QByteArrayView acceptEncoding)
{
    std::optional<double> gzip;
    std::optional<double> any;
    for (const QByteArray &element : acceptEncoding.toByteArray().split(',')) {
        const QList<QByteArray> parameters = element.split(';');
        const QByteArray name = parameters.value(0).trimmed();
        const double q = qValue(parameters);
        if (name.compare("gzip", Qt::CaseInsensitive) == 0 ||
            name.compare("x-gzip", Qt::CaseInsensitive) == 0)
            gzip = std::max(gzip.value_or(0.0), q);
        else if (name == "*")
            any = std::max(any.value_or(0.0), q);
    }
    if (gzip)
        return *gzip > 0.0;
    return any.value_or(0.0) > 0.0;
}

std::optional<QByteArray> gzipCompress(QByteArrayView data, int level)
{
    z_stream z{};
    // windowBits 15 + 16: the gzip wrapper (header and CRC-32 trailer).
    if (deflateInit2(&z, std::clamp(level, 1, 9), Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) !=
        Z_OK)
        return std::nullopt;
    QByteArray out;
    // JSON and XML shrink to a fifth or less: one growth at most, mostly none.
    out.resize(std::max<qsizetype>(4096, data.size() / 5));
    qsizetype used = 0;
    qsizetype offset = 0;
    constexpr qsizetype MaxStep = qsizetype(std::numeric_limits<uInt>::max() / 2);
    int result = Z_OK;
    do {
        const qsizetype step = std::min(MaxStep, data.size() - offset);
        z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.data() + offset));
        z.avail_in = uInt(step);
        offset += step;
        const int flush = offset == data.size() ? Z_FINISH : Z_NO_FLUSH;
        do {
            if (used == out.size())
                out.resize(out.size() * 2);
            z.next_out = reinterpret_cast<Bytef *>(out.data() + used);
            z.avail_out = uInt(std::min(MaxStep, out.size() - used));
            const uInt before = z.avail_out;
            result = deflate(&z, flush);
            used += qsizetype(before - z.avail_out);
            if (result == Z_STREAM_ERROR) {
                deflateEnd(&z);
                return std::nullopt;
            }
        } while (z.avail_out == 0 || (flush == Z_FINISH && result != Z_STREAM_END));
    } while (offset < data.size());
    deflateEnd(&z);
    out.truncate(used);
    return out;
}

std::optional<QByteArray> gzipDecompress(QByteArrayView data, qint64 maxBytes)
{
    z_stream z{};
    if (inflateInit2(&z, 15 + 16) != Z_OK)
        return std::nullopt;
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.data()));
    z.avail_in = uInt(std::min<qsizetype>(data.size(), std::numeric_limits<uInt>::max()));
    QByteArray out;
    char chunk[64 * 1024];
    int result = Z_OK;
    while (result != Z_STREAM_END) {
        z.next_out = reinterpret_cast<Bytef *>(chunk);
        z.avail_out = sizeof chunk;
        result = inflate(&z, Z_NO_FLUSH);
        if (result != Z_OK && result != Z_STREAM_END)
            break;
        out.append(chunk, qsizetype(sizeof chunk - z.avail_out));
        if (out.size() > maxBytes || (result == Z_OK && z.avail_in == 0 && z.avail_out != 0))
            break; // too large, or the data ended before the stream did
    }
    const bool complete = result == Z_STREAM_END && z.avail_in == 0 && out.size() <= maxBytes;
    inflateEnd(&z);
    if (!complete)
        return std::nullopt;
    return out;
}

CodedSize encodeResponse(const ApiRequest &request, ApiResponse &response, int level)
{
    CodedSize size;
    size.plainBytes = size.sentBytes = response.body.size();
    if (level > 0 && response.status == 304) {
        // A 304 carries the Vary its 200 would (RFC 9110 §15.4.5): text
        // resources have weak tags, photos strong ones.
        if (const QByteArray *etag = header(response, "ETag"); etag && etag->startsWith("W/"))
            response.addHeader("Vary", "Accept-Encoding");
        return size;
    }
    if (level <= 0 || !isText(response.contentType) || header(response, "Content-Encoding"))
        return size;
    if (QByteArray *vary = header(response, "Vary"))
        *vary += ", Accept-Encoding";
    else
        response.addHeader("Vary", "Accept-Encoding");
    if (response.body.size() < MinCodedBytes || response.status == 204 ||
        !acceptsGzip(request.header("accept-encoding")))
        return size;
    std::optional<QByteArray> coded = gzipCompress(response.body, level);
    if (!coded)
        return size; // zlib could not: it goes as it is
    response.body = std::move(*coded);
    response.addHeader("Content-Encoding", "gzip");
    if (QByteArray *etag = header(response, "ETag"); etag && etag->startsWith('"'))
        etag->prepend("W/");
    size.sentBytes = response.body.size();
    size.gzip = true;
    return size;
}

bool etagMatches(QByteArrayView ifNoneMatch, QByteArrayView etag)
{
    const QByteArray wanted = opaqueTag(etag.toByteArray());
    if (wanted.isEmpty())
        return false;
    for (const QByteArray &tag : ifNoneMatch.toByteArray().split(',')) {
        const QByteArray candidate = opaqueTag(tag);
        if (candidate == "*" || candidate == wanted)
            return true;
    }
    return false;
}

std::optional<ApiResponse> refuseCodedBody(const ApiRequest &request)
{
    const QByteArray coding = request.header("content-encoding").trimmed();
    if (coding.isEmpty() || coding.compare("identity", Qt::CaseInsensitive) == 0)
        return std::nullopt;
    ApiResponse refused = ApiResponse::error(
        415, QStringLiteral("unsupported_encoding"),
        QStringLiteral("Request bodies are not taken with a content coding (%1); send them as "
                       "they are.")
            .arg(QString::fromLatin1(coding.left(64))));
    refused.addHeader("Accept-Encoding", "identity");
    return refused;
}

} // namespace rd::server
