// Writing Open311 answers (Open311Node.h): JSON through QJsonDocument, XML
// through QXmlStreamWriter.

#include "Open311Node.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QXmlStreamWriter>

namespace rd::server {

namespace {

// XML 1.0 has no way to write most control characters, nor U+FFFE/U+FFFF
// or a lone surrogate (QXmlStreamWriter would write them as they are, and
// the document would not parse): they are left out of XML answers.
QString xmlSafe(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        const char16_t u = c.unicode();
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            out.append(c).append(text.at(++i));
            continue;
        }
        if (c.isSurrogate() || u == 0xFFFE || u == 0xFFFF ||
            (u < 0x20 && u != '\t' && u != '\n' && u != '\r'))
            continue;
        out.append(c);
    }
    return out;
}

} // namespace

Open311Node Open311Node::text(const QString &value)
{
    Open311Node n;
    n.m_kind = Kind::Text;
    n.m_text = value;
    return n;
}

Open311Node Open311Node::number(double value)
{
    Open311Node n;
    n.m_kind = Kind::Number;
    n.m_number = value;
    return n;
}

Open311Node Open311Node::boolean(bool value)
{
    Open311Node n;
    n.m_kind = Kind::Boolean;
    n.m_boolean = value;
    return n;
}

Open311Node Open311Node::object()
{
    Open311Node n;
    n.m_kind = Kind::Object;
    return n;
}

Open311Node Open311Node::list(const QString &itemName)
{
    Open311Node n;
    n.m_kind = Kind::List;
    n.m_itemName = itemName;
    return n;
}

Open311Node &Open311Node::add(const QString &name, const Open311Node &value)
{
    Q_ASSERT(m_kind == Kind::Object);
    m_fields.append({name, value});
    return *this;
}

Open311Node &Open311Node::append(const Open311Node &item)
{
    Q_ASSERT(m_kind == Kind::List);
    m_items.append(item);
    return *this;
}

// The two writers, with access to the tree.
class Open311NodeWriter final
{
public:
    static QJsonValue json(const Open311Node &n)
    {
        switch (n.m_kind) {
        case Open311Node::Kind::Null:
            return QJsonValue::Null;
        case Open311Node::Kind::Text:
            return n.m_text;
        case Open311Node::Kind::Number:
            return n.m_number;
        case Open311Node::Kind::Boolean:
            return n.m_boolean;
        case Open311Node::Kind::Object: {
            QJsonObject o;
            for (const auto &[name, value] : n.m_fields)
                o.insert(name, json(value));
            return o;
        }
        case Open311Node::Kind::List: {
            QJsonArray a;
            for (const Open311Node &item : n.m_items)
                a.append(json(item));
            return a;
        }
        }
        return QJsonValue::Null;
    }

    // The content of the element for n (its start and end tags are the caller's).
    static void xmlContent(QXmlStreamWriter &w, const Open311Node &n)
    {
        switch (n.m_kind) {
        case Open311Node::Kind::Null:
            break;
        case Open311Node::Kind::Text:
            w.writeCharacters(xmlSafe(n.m_text));
            break;
        case Open311Node::Kind::Number:
            w.writeCharacters(QString::number(n.m_number, 'g', 15));
            break;
        case Open311Node::Kind::Boolean:
            w.writeCharacters(n.m_boolean ? QStringLiteral("true") : QStringLiteral("false"));
            break;
        case Open311Node::Kind::Object:
            for (const auto &[name, value] : n.m_fields)
                xmlElement(w, name, value);
            break;
        case Open311Node::Kind::List:
            for (const Open311Node &item : n.m_items)
                xmlElement(w, n.m_itemName, item);
            break;
        }
    }

    static void xmlElement(QXmlStreamWriter &w, const QString &name, const Open311Node &n)
    {
        if (n.m_kind == Open311Node::Kind::Null) {
            w.writeEmptyElement(name);
            return;
        }
        w.writeStartElement(name);
        xmlContent(w, n);
        w.writeEndElement();
    }
};

QByteArray Open311Node::toJson() const
{
    const QJsonValue v = Open311NodeWriter::json(*this);
    if (v.isArray())
        return QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact);
    return QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact);
}

QByteArray Open311Node::toXml(const QString &rootName) const
{
    QByteArray out;
    QXmlStreamWriter w(&out);
    w.writeStartDocument(); // <?xml version="1.0" encoding="UTF-8"?>
    Open311NodeWriter::xmlElement(w, rootName, *this);
    w.writeEndDocument();
    return out;
}

ApiResponse open311Answer(int status, const Open311Node &node, const QString &xmlRoot,
                          Open311Format format)
{
    ApiResponse r;
    r.status = status;
    if (format == Open311Format::Xml) {
        r.contentType = "text/xml; charset=utf-8";
        r.body = node.toXml(xmlRoot);
    } else {
        r.contentType = "application/json; charset=utf-8";
        r.body = node.toJson();
    }
    return r;
}

ApiResponse open311Error(int status, const QString &description, Open311Format format)
{
    Open311Node errors = Open311Node::list(QStringLiteral("error"));
    errors.append(Open311Node::object()
                      .add(QStringLiteral("code"), Open311Node::number(status))
                      .add(QStringLiteral("description"), description));
    return open311Answer(status, errors, QStringLiteral("errors"), format);
}

} // namespace rd::server
