// Response templates (AnswerTemplates.h) and how the catalogue carries
// them: placeholders filled in from what is known and left as they are
// otherwise, anything in braces that looks like a placeholder found (so
// nothing "{…}" is sent), the category's own templates before the general
// ones, and bad templates refused with the field named.

#include "AnswerTemplates.h"
#include "ApiJson.h"

#include <QJsonArray>
#include <QTest>

using namespace rd;

namespace {

QJsonObject catalogueWith(const QJsonObject &answerTemplate)
{
    return QJsonObject{
        {QStringLiteral("categories"),
         QJsonArray{QJsonObject{{QStringLiteral("id"), 1},
                                {QStringLiteral("code"), QStringLiteral("potholes")},
                                {QStringLiteral("name"), QStringLiteral("Ямы")}}}},
        {QStringLiteral("agencies"), QJsonArray()},
        {QStringLiteral("districts"), QJsonArray()},
        {QStringLiteral("refusal_grounds"), QJsonArray()},
        {QStringLiteral("answer_templates"), QJsonArray{answerTemplate, answerTemplate}},
        {QStringLiteral("deadline_rules"),
         QJsonObject{{QStringLiteral("answer_days"), 30},
                     {QStringLiteral("max_extension_days"), 30},
                     {QStringLiteral("max_extensions"), 1},
                     {QStringLiteral("min_refusal_length"), 0},
                     {QStringLiteral("max_resolution_days"), 365}}}};
}

QJsonObject templateJson(const QString &code, const QString &action, const QJsonValue &category,
                         const QString &text)
{
    return QJsonObject{{QStringLiteral("code"), code},
                       {QStringLiteral("action"), action},
                       {QStringLiteral("category_id"), category},
                       {QStringLiteral("title"), QStringLiteral("Заголовок")},
                       {QStringLiteral("text"), text}};
}

} // namespace

class TestAnswerTemplates : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fillsWhatIsKnown()
    {
        AnswerTemplates::Values v;
        v.number = 12;
        v.address = QStringLiteral("ул. Мира, 3");
        v.date = QDate(2026, 12, 31);
        v.agency = QStringLiteral("ДГХ");
        const QString text =
            QStringLiteral("№{number} {address} {date} {agency} {executor} {нечто} {1, 2} { }");
        QCOMPARE(AnswerTemplates::fill(text, v),
                 QStringLiteral("№12 ул. Мира, 3 31.12.2026 ДГХ {executor} {нечто} {1, 2} { }"));
        QCOMPARE(AnswerTemplates::left(AnswerTemplates::fill(text, v)),
                 (QStringList{QStringLiteral("{executor}"), QStringLiteral("{нечто}")}));
        QCOMPARE(AnswerTemplates::unknown(text), QStringList{QStringLiteral("{нечто}")});
        // Nothing known: every placeholder stays.
        QCOMPARE(AnswerTemplates::fill(QStringLiteral("{number}{date}"), {}),
                 QStringLiteral("{number}{date}"));
        QVERIFY(AnswerTemplates::left(QStringLiteral("без шаблона {}")).isEmpty());
    }

    void theCategorysOwnComeFirst()
    {
        Catalogue c;
        c.answerTemplates = {
            {QStringLiteral("b"), QStringLiteral("solve"), std::nullopt, QStringLiteral("Б"), {}},
            {QStringLiteral("a"), QStringLiteral("solve"), std::nullopt, QStringLiteral("А"), {}},
            {QStringLiteral("own"), QStringLiteral("solve"), 3, QStringLiteral("Я"), {}},
            {QStringLiteral("other"), QStringLiteral("solve"), 4, QStringLiteral("В"), {}},
            {QStringLiteral("note"), QStringLiteral("note"), std::nullopt, QStringLiteral("Г"), {}},
        };
        QStringList codes;
        for (const AnswerTemplate &t : AnswerTemplates::applicable(c, QStringLiteral("solve"), 3))
            codes << t.code;
        QCOMPARE(codes,
                 (QStringList{QStringLiteral("own"), QStringLiteral("a"), QStringLiteral("b")}));
    }

    void travelInTheCatalogue()
    {
        Catalogue c;
        c.categories = {{1, QStringLiteral("potholes"), QStringLiteral("Ямы"), std::nullopt}};
        c.answerTemplates = {{QStringLiteral("patched"), QStringLiteral("solve"), 1,
                              QStringLiteral("Заделано"), QStringLiteral("№ {number} заделано.")},
                             {QStringLiteral("any"), QStringLiteral("refuse"), std::nullopt,
                              QStringLiteral("Отказ"), QStringLiteral("{agency}: нет.")}};
        const auto parsed = ApiJson::catalogueFromJson(ApiJson::catalogueToJson(c));
        QVERIFY2(parsed, qPrintable(parsed.error.toString()));
        QCOMPARE(parsed.value->answerTemplates, c.answerTemplates);
    }

    void badTemplatesAreRefused_data()
    {
        QTest::addColumn<QJsonObject>("catalogue");
        QTest::addColumn<QString>("field");
        const QString ok = QStringLiteral("Готово, {number}.");
        QTest::newRow("twice") << catalogueWith(templateJson(QStringLiteral("x"),
                                                             QStringLiteral("solve"), 1, ok))
                               << QStringLiteral("answer_templates[1].code");
        QJsonObject one = templateJson(QStringLiteral("x"), QStringLiteral("reject"), {}, ok);
        QJsonObject c = catalogueWith(one);
        c[QStringLiteral("answer_templates")] = QJsonArray{one};
        QTest::newRow("an action without an answer text")
            << c << QStringLiteral("answer_templates[0].action");
        one = templateJson(QStringLiteral("x"), QStringLiteral("solve"), 9, ok);
        c[QStringLiteral("answer_templates")] = QJsonArray{one};
        QTest::newRow("no such category") << c << QStringLiteral("answer_templates[0].category_id");
        one = templateJson(QStringLiteral("x"), QStringLiteral("solve"), {},
                           QStringLiteral("Готово {numbr}"));
        c[QStringLiteral("answer_templates")] = QJsonArray{one};
        QTest::newRow("a mistyped placeholder") << c << QStringLiteral("answer_templates[0].text");
        one = templateJson(QStringLiteral("x"), QStringLiteral("solve"), {}, QString());
        c[QStringLiteral("answer_templates")] = QJsonArray{one};
        QTest::newRow("no text") << c << QStringLiteral("answer_templates[0].text");
    }
    void badTemplatesAreRefused()
    {
        QFETCH(QJsonObject, catalogue);
        QFETCH(QString, field);
        const auto parsed = ApiJson::catalogueFromJson(catalogue);
        QVERIFY(!parsed);
        QCOMPARE(parsed.error.field, field);
    }
};

QTEST_GUILESS_MAIN(TestAnswerTemplates)
#include "tst_answertemplates.moc"
