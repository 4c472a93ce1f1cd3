#pragma once

#include <QtGlobal>

namespace rd::ProtocolLimits {

// The bounds a reader of docs/api.md's JSON holds a value to, in one table:
// the strict reader (ApiJson) and the changes feed's fast reader
// (FastFeedReader) both read these, so the two can never disagree about what
// a valid record is. A value past its bound is an error naming the field.

// Ids and counts: 2^53 - 1, the largest integer a JSON number holds exactly.
inline constexpr qint64 MaxId = 9007199254740991LL;

// Text lengths, in UTF-16 code units.
inline constexpr qsizetype LongText = 100000; // complaint text, answers, reasons, history
inline constexpr qsizetype Address = 1000;
inline constexpr qsizetype Name = 500; // people, agencies, categories, titles
inline constexpr qsizetype Email = 500;
inline constexpr qsizetype Phone = 100;
inline constexpr qsizetype Code = 64;      // catalogue codes, action codes, mime types
inline constexpr qsizetype StateCode = 32; // states, answer kinds
inline constexpr qsizetype MediaId = 128;
inline constexpr qsizetype TimeText = 64; // an ISO 8601 time
inline constexpr qsizetype DateText = 16; // "YYYY-MM-DD"
inline constexpr qsizetype TemplateText = 10000;
inline constexpr qsizetype LegalBasis = 200;
inline constexpr qsizetype TimeZoneName = 64;

// Photos' pixel sizes.
inline constexpr qint64 MaxPixels = 100000;

// Catalogue rules (days, counts, characters).
inline constexpr qint64 MaxAnswerDays = 3650;
inline constexpr qint64 MaxExtensionDays = 3650;
inline constexpr qint64 MaxExtensions = 100;
inline constexpr qint64 MaxRefusalLength = 100000;
inline constexpr qint64 MaxResolutionDays = 36500;
inline constexpr qsizetype MaxCalendarDays = 5000; // a catalogue's holidays, and its working days

} // namespace rd::ProtocolLimits
