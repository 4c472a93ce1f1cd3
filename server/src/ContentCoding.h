#pragma once

#include "ApiTypes.h"

#include <QByteArray>
#include <QByteArrayView>

namespace rd::server {

// Content codings of the server's answers (RFC 9110 §8.4, docs/api.md
// "Compression"): an answer of text (JSON, XML, CSV, plain text) of at
// least MinCodedBytes goes gzip-compressed to a client whose
// Accept-Encoding takes gzip. Photos and other binary answers go as they
// are (they are compressed already). Requests carry no coding: a body with
// a Content-Encoding other than identity is refused (415).

constexpr qsizetype MinCodedBytes = 1024; // below it gzip's header costs more than it saves

// Whether an Accept-Encoding value takes gzip: "gzip" or "x-gzip" with a
// q-value above 0, or "*" above 0 when gzip is not named. Names and
// parameters compare case-insensitively; an empty or absent value takes
// only identity.
bool acceptsGzip(QByteArrayView acceptEncoding);

// data in the gzip format (RFC 1952) at level 1 (fastest) … 9 (smallest),
// or nothing if zlib cannot (out of memory). Compressed in steps into one
// growing buffer: the input is read once.
std::optional<QByteArray> gzipCompress(QByteArrayView data, int level);

// data decompressed from the gzip format, or nothing if it is not gzip or
// would decompress to more than maxBytes (a bomb). For tests and tools.
std::optional<QByteArray> gzipDecompress(QByteArrayView data, qint64 maxBytes);

// What encodeResponse did to one answer (for the metrics).
struct CodedSize
{
    qint64 plainBytes = 0; // the body as the endpoint made it
    qint64 sentBytes = 0;  // …as it goes on the wire
    bool gzip = false;
};

// Encodes response for request in place at level (0: never): gzip when the
// request accepts it and the body is text of at least MinCodedBytes, and
// then a strong ETag becomes weak (W/"…": the bytes differ from the plain
// ones, the content is the same). Every answer whose coding could depend
// on Accept-Encoding says so (Vary), a 304 of a text resource (the ones
// with a weak tag) too. If zlib fails, the answer goes as it is.
CodedSize encodeResponse(const ApiRequest &request, ApiResponse &response, int level);

// Whether an If-None-Match value names etag, by the weak comparison
// RFC 9110 §13.1.2 prescribes for it: a list of tags, W/ ignored on either
// side, or "*".
bool etagMatches(QByteArrayView ifNoneMatch, QByteArrayView etag);

// The 415 for a request body with a content coding (nothing if it has
// none, or identity).
std::optional<ApiResponse> refuseCodedBody(const ApiRequest &request);

} // namespace rd::server
