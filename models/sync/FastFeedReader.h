#pragma once

#include "ChangesPage.h"

#include <QByteArray>

#include <optional>

namespace rd {

// A reader for changes pages straight from the JSON text, without building a
// QJsonDocument: a first sync reads 115 MB of them, and QJsonDocument plus
// QJsonObject lookups were half its CPU time.
//
// It is a fast path, not a second definition of the format: it accepts a
// page only when it is sure the strict reader (ApiJson::complaintFromJson
// through parseChangesPage) would accept it with the same result, and
// returns nothing otherwise, unknown or odd input included, so that the
// strict reader decides and names the error. tst_apijson checks both agree.
std::optional<ChangesPage> readChangesPageFast(const QByteArray &body);

} // namespace rd
