#pragma once

#include "ApiTypes.h"

#include <QList>
#include <QPair>
#include <QString>

namespace rd::server {

// An Open311 answer before it is written: an ordered tree of named fields
// and lists, so one builder serves both formats of the specification. JSON
// writes objects and arrays; XML (QXmlStreamWriter, never concatenated
// text) writes each field as an element in the order given, a list as an
// element per item named by the list, null as an empty element.
class Open311Node final
{
public:
    enum class Kind
    {
        Null,
        Text,
        Number,
        Boolean,
        Object,
        List
    };

    Open311Node() = default; // null
    static Open311Node text(const QString &value);
    static Open311Node number(double value);
    static Open311Node boolean(bool value);
    // An object whose fields are added with add().
    static Open311Node object();
    // A list whose items are written as <itemName> elements in XML.
    static Open311Node list(const QString &itemName);

    Open311Node &add(const QString &name, const Open311Node &value);
    Open311Node &add(const QString &name, const QString &value) { return add(name, text(value)); }
    Open311Node &append(const Open311Node &item);

    Kind kind() const { return m_kind; }
    const QList<Open311Node> &items() const { return m_items; }

    // The whole answer: JSON, or XML with the root element rootName.
    QByteArray toJson() const;
    QByteArray toXml(const QString &rootName) const;

private:
    Kind m_kind = Kind::Null;
    QString m_text;
    double m_number = 0.0;
    bool m_boolean = false;
    QString m_itemName;
    QList<QPair<QString, Open311Node>> m_fields;
    QList<Open311Node> m_items;

    friend class Open311NodeWriter;
};

enum class Open311Format
{
    Json,
    Xml
};

// The answer in the format asked for, with the specification's content
// types (text/xml; application/json), UTF-8.
ApiResponse open311Answer(int status, const Open311Node &node, const QString &xmlRoot,
                          Open311Format format);
// The specification's error list: [{"code", "description"}] or
// <errors><error><code/><description/></error></errors>.
ApiResponse open311Error(int status, const QString &description, Open311Format format);

} // namespace rd::server
