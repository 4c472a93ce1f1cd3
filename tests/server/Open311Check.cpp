#include "Open311Check.h"

#include <QProcess>
#include <QTemporaryFile>
#include <QXmlStreamReader>

namespace rd::test {

namespace {

QString run(const QString &program, const QStringList &arguments)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, arguments);
    if (!p.waitForStarted(10000))
        return QStringLiteral("cannot run %1 (the test command installs libxml2-utils and "
                              "python3-jsonschema)")
            .arg(program);
    if (!p.waitForFinished(60000))
        return QStringLiteral("%1 did not finish").arg(program);
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return QString::fromUtf8(p.readAll()).trimmed();
    return {};
}

} // namespace

QString open311Problem(const HttpResult &result, const QString &kind, bool xml)
{
    const QByteArray type = result.header("content-type");
    const QByteArray expected = xml ? "text/xml; charset=utf-8" : "application/json; charset=utf-8";
    if (type != expected)
        return QStringLiteral("content type %1, expected %2")
            .arg(QString::fromLatin1(type), QString::fromLatin1(expected));
    QTemporaryFile file;
    if (!file.open() || file.write(result.body) != result.body.size() || !file.flush())
        return QStringLiteral("cannot write a temporary file");
    const QString dir = QStringLiteral(REGIONDESK_OPEN311_SCHEMAS);
    const QString problem =
        xml ? run(QStringLiteral("xmllint"),
                  {QStringLiteral("--noout"), QStringLiteral("--nonet"), QStringLiteral("--schema"),
                   dir + QLatin1Char('/') + kind + QStringLiteral(".xsd"), file.fileName()})
            : run(QStringLiteral("/usr/bin/python3"),
                  {dir + QStringLiteral("/check_json.py"),
                   dir + QLatin1Char('/') + kind + QStringLiteral(".schema.json"),
                   file.fileName()});
    if (problem.isEmpty())
        return {};
    return QStringLiteral("%1 (%2) is not valid: %3\n%4")
        .arg(kind, xml ? QStringLiteral("XML") : QStringLiteral("JSON"), problem,
             QString::fromUtf8(result.body.left(600)));
}

QList<QHash<QString, QString>> xmlRecords(const QByteArray &xml, const QString &item)
{
    QList<QHash<QString, QString>> records;
    QXmlStreamReader r(xml);
    while (!r.atEnd()) {
        r.readNext();
        if (!r.isStartElement() || r.name() != item)
            continue;
        QHash<QString, QString> record;
        while (r.readNextStartElement())
            record.insert(r.name().toString(),
                          r.readElementText(QXmlStreamReader::IncludeChildElements));
        records.append(record);
    }
    return records;
}

} // namespace rd::test
