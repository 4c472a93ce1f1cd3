#pragma once

#include "TestServer.h"

#include <QHash>
#include <QList>
#include <QString>

namespace rd::test {

// What is wrong with an Open311 answer, checked by tools the project did
// not write: XML with `xmllint --schema` against open311/<kind>.xsd, JSON
// with python3-jsonschema against open311/<kind>.schema.json, and the
// content type the specification gives each format. Empty when it holds.
QString open311Problem(const HttpResult &result, const QString &kind, bool xml);

// The records of an XML list answer (<root><item>…</item>…</root>): each
// child element's text by name; an empty element is an empty string.
QList<QHash<QString, QString>> xmlRecords(const QByteArray &xml, const QString &item);

} // namespace rd::test

// Fails the test with the checker's words when the answer is not valid.
#define QVERIFY_OPEN311(result, kind, xml)                                                         \
    do {                                                                                           \
        const QString problem_ =                                                                   \
            rd::test::open311Problem((result), QString::fromLatin1(kind), (xml));                  \
        QVERIFY2(problem_.isEmpty(), qPrintable(problem_));                                        \
    } while (false)
