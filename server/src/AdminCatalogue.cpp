// regiondesk-server admin: the catalogue's parts one at a time — agencies,
// categories, refusal grounds, reject reasons and the deadline rules. Each
// change is checked as a whole catalogue (the rules of catalogue import,
// plus unique ids and codes and categories' agencies existing), written in
// one transaction with its audit entry (before and after as JSON), and
// taken by running servers within a second (ServerStore::refreshCatalogue).
// Agency and category ids are never reused: the next is past every id the
// catalogue ever had (meta last_agency_id, last_category_id).

#include "AdminTools.h"

#include "ApiJson.h"
#include "ServerStore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <climits>
#include <functional>

namespace rd::server::admin {

const char *const CatalogueUsage =
    "  agencies list | agencies add CODE --name NAME | agencies set ID [--code C] [--name N]\n"
    "  categories list\n"
    "  categories add CODE --name NAME [--agency ID]\n"
    "  categories set ID [--code C] [--name N] [--agency ID | --no-agency]\n"
    "  refusal-grounds list | refusal-grounds remove CODE\n"
    "  refusal-grounds add CODE --title T --template TEXT [--legal-basis L]\n"
    "  refusal-grounds set CODE [--title T] [--template TEXT] [--legal-basis L]\n"
    "  reject-reasons list | reject-reasons add CODE --title T\n"
    "  reject-reasons set CODE --title T | reject-reasons remove CODE\n"
    "  deadlines show | deadlines set [--answer-days N] [--max-extension-days N]\n"
    "                   [--max-extensions N] [--min-refusal-length N] [--max-resolution-days N]\n"
    "                   [--day-count calendar|working] [--end-on-working-day yes|no]\n"
    "  calendar show | calendar import FILE (JSON: {\"holidays\": [...], \"working_days\": "
    "[...]})\n"
    "  calendar holiday DATE... | calendar working-day DATE... | calendar clear DATE...\n"
    "  templates list | templates remove CODE\n"
    "  templates add CODE --action A --title T --text TEXT [--category ID]\n"
    "  templates set CODE [--action A] [--title T] [--text TEXT] [--category ID | "
    "--all-categories]\n";

namespace {

QString json(const QJsonValue &value)
{
    const QJsonDocument doc =
        value.isObject() ? QJsonDocument(value.toObject()) : QJsonDocument(value.toArray());
    return QString::fromUtf8(doc.toJson(QJsonDocument::Compact));
}

// The part of the catalogue's JSON a change touched, for the audit log.
QString part(const Catalogue &catalogue, const QString &key)
{
    return json(ApiJson::catalogueToJson(catalogue).value(key));
}

void checkCode(const QString &code)
{
    static const QRegularExpression re(QStringLiteral("^[a-z0-9][a-z0-9_.-]{0,63}$"));
    if (!re.match(code).hasMatch())
        throw Refused(QStringLiteral("a code is 1–64 lower-case letters, digits, '_', '.' or '-' "
                                     "(got \"%1\")")
                          .arg(code));
}

int number(const QString &text, const QString &option, int min, int max)
{
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < min || value > max)
        throw Refused(
            QStringLiteral("%1 takes a whole number %2–%3").arg(option).arg(min).arg(max));
    return value;
}

template<typename T>
void requireUnique(const QList<T> &items, const QString &what)
{
    QSet<QString> codes;
    for (const T &item : items) {
        if (codes.contains(item.code))
            throw Refused(QStringLiteral("%1 code %2 is taken").arg(what, item.code));
        codes.insert(item.code);
    }
}

// The checks catalogue import makes, and those a catalogue can only fail
// by being edited a piece at a time.
void validate(const Catalogue &catalogue)
{
    const auto parsed = ApiJson::catalogueFromJson(ApiJson::catalogueToJson(catalogue));
    if (!parsed)
        throw Refused(parsed.error.toString());
    requireUnique(catalogue.agencies, QStringLiteral("agency"));
    requireUnique(catalogue.categories, QStringLiteral("category"));
    requireUnique(catalogue.refusalGrounds, QStringLiteral("refusal ground"));
    requireUnique(catalogue.rejectReasons, QStringLiteral("reject reason"));
    for (const Category &c : catalogue.categories) {
        if (c.defaultAgencyId && !catalogue.agency(*c.defaultAgencyId))
            throw Refused(
                QStringLiteral("agency %1 is not in the catalogue").arg(*c.defaultAgencyId));
    }
}

class CatalogueAdmin
{
public:
    CatalogueAdmin(ServerStore &store, FILE *out)
        : m_store(store)
        , m_out(out)
        , m_catalogue(store.catalogue())
    {}

    bool run(const QString &what, const QString &command, QStringList args)
    {
        if (what == QLatin1String("agencies"))
            agencies(command, args);
        else if (what == QLatin1String("categories"))
            categories(command, args);
        else if (what == QLatin1String("refusal-grounds"))
            refusalGrounds(command, args);
        else if (what == QLatin1String("reject-reasons"))
            rejectReasons(command, args);
        else if (what == QLatin1String("deadlines"))
            deadlines(command, args);
        else if (what == QLatin1String("calendar"))
            calendar(command, args);
        else if (what == QLatin1String("templates"))
            templates(command, args);
        else
            return false;
        return true;
    }

private:
    // Checks the edited catalogue and writes it with its audit entry, in
    // one transaction; assignId (for an addition) gives the new entry its
    // id in that transaction and returns it as the subject.
    void save(const QString &action, QString subject, const QString &key, const QString &before,
              const std::function<QString()> &assignId = {})
    {
        ServerStore::WriteTransaction transaction(m_store);
        // Edited from the catalogue as this command read it: if another
        // command changed it since, this one would undo that.
        if (m_store.refreshCatalogue())
            throw Refused(QStringLiteral("the catalogue changed while this command ran; run it "
                                         "again"));
        if (assignId)
            subject = assignId();
        validate(m_catalogue);
        m_store.setCatalogue(m_catalogue);
        audit(m_store, action, subject, before, part(m_store.catalogue(), key));
        transaction.commit();
        print(m_out, QStringLiteral("%1 %2: done; running servers take it within a second")
                         .arg(action, subject));
    }

    static void noneLeft(const QStringList &args)
    {
        if (!args.isEmpty())
            throw std::invalid_argument(
                ("unexpected " + args.join(QLatin1Char(' '))).toStdString());
    }

    static QString required(QStringList &args, const QString &option)
    {
        const auto value = takeOption(args, option);
        if (!value || value->trimmed().isEmpty())
            throw Refused(QStringLiteral("%1 is needed").arg(option));
        return value->trimmed();
    }

    // The next id of agencies or categories: past every one ever given.
    template<typename T>
    int nextId(const QList<T> &items, const QString &metaKey)
    {
        int last = m_store.meta(metaKey).toInt();
        for (const T &item : items)
            last = std::max(last, item.id);
        m_store.setMeta(metaKey, QString::number(last + 1));
        return last + 1;
    }

    int existingAgency(const QString &text)
    {
        const int id = number(text, QStringLiteral("--agency"), 1, 1'000'000'000);
        if (!m_catalogue.agency(id))
            throw Refused(QStringLiteral("agency %1 is not in the catalogue").arg(id));
        return id;
    }

    template<typename T>
    static T *byId(QList<T> &items, const QString &text, const QString &what)
    {
        bool ok = false;
        const int id = text.toInt(&ok);
        for (T &item : items) {
            if (ok && item.id == id)
                return &item;
        }
        throw Refused(QStringLiteral("no %1 %2").arg(what, text));
    }

    template<typename T>
    static qsizetype byCode(const QList<T> &items, const QString &code, const QString &what)
    {
        for (qsizetype i = 0; i < items.size(); ++i) {
            if (items.at(i).code == code)
                return i;
        }
        throw Refused(QStringLiteral("no %1 %2").arg(what, code));
    }

    void agencies(const QString &command, QStringList args);
    void categories(const QString &command, QStringList args);
    void refusalGrounds(const QString &command, QStringList args);
    void rejectReasons(const QString &command, QStringList args);
    void deadlines(const QString &command, QStringList args);
    void calendar(const QString &command, QStringList args);
    void templates(const QString &command, QStringList args);

    ServerStore &m_store;
    FILE *m_out;
    Catalogue m_catalogue;
};

void CatalogueAdmin::agencies(const QString &command, QStringList args)
{
    const QString key = QStringLiteral("agencies");
    const QString before = part(m_catalogue, key);
    if (command == QLatin1String("list")) {
        noneLeft(args);
        for (const Agency &a : m_catalogue.agencies)
            print(m_out, QStringLiteral("%1\t%2\t%3").arg(a.id).arg(a.code, a.name));
        return;
    }
    if (command == QLatin1String("add")) {
        Agency a;
        a.code = args.value(0);
        args = args.mid(1);
        a.name = required(args, QStringLiteral("--name"));
        noneLeft(args);
        checkCode(a.code);
        m_catalogue.agencies.append(a);
        return save(QStringLiteral("agency.add"), {}, key, before, [this] {
            Agency &added = m_catalogue.agencies.last();
            added.id = nextId(m_catalogue.agencies, QStringLiteral("last_agency_id"));
            return QString::number(added.id);
        });
    }
    if (command == QLatin1String("set")) {
        Agency *a = byId(m_catalogue.agencies, args.value(0), QStringLiteral("agency"));
        args = args.mid(1);
        if (const auto code = takeOption(args, QStringLiteral("--code")))
            checkCode(a->code = *code);
        if (const auto name = takeOption(args, QStringLiteral("--name")))
            a->name = name->trimmed();
        noneLeft(args);
        return save(QStringLiteral("agency.set"), QString::number(a->id), key, before);
    }
    throw std::invalid_argument("agencies list | add | set");
}

void CatalogueAdmin::categories(const QString &command, QStringList args)
{
    const QString key = QStringLiteral("categories");
    const QString before = part(m_catalogue, key);
    if (command == QLatin1String("list")) {
        noneLeft(args);
        for (const Category &c : m_catalogue.categories) {
            print(m_out, QStringLiteral("%1\t%2\t%3\t%4")
                             .arg(c.id)
                             .arg(c.code, c.name,
                                  c.defaultAgencyId ? QString::number(*c.defaultAgencyId)
                                                    : QStringLiteral("-")));
        }
        return;
    }
    if (command == QLatin1String("add") || command == QLatin1String("set")) {
        const bool add = command == QLatin1String("add");
        Category added;
        Category *c =
            add ? &added : byId(m_catalogue.categories, args.value(0), QStringLiteral("category"));
        if (add)
            c->code = args.value(0);
        args = args.mid(1);
        if (const auto code = takeOption(args, QStringLiteral("--code")); code && !add)
            c->code = *code;
        c->name = add ? required(args, QStringLiteral("--name"))
                      : takeOption(args, QStringLiteral("--name")).value_or(c->name).trimmed();
        if (const auto agency = takeOption(args, QStringLiteral("--agency")))
            c->defaultAgencyId = existingAgency(*agency);
        if (!add && takeFlag(args, QStringLiteral("--no-agency")))
            c->defaultAgencyId.reset();
        noneLeft(args);
        checkCode(c->code);
        if (!add)
            return save(QStringLiteral("category.set"), QString::number(c->id), key, before);
        m_catalogue.categories.append(added);
        return save(QStringLiteral("category.add"), {}, key, before, [this] {
            Category &last = m_catalogue.categories.last();
            last.id = nextId(m_catalogue.categories, QStringLiteral("last_category_id"));
            return QString::number(last.id);
        });
    }
    throw std::invalid_argument("categories list | add | set");
}

void CatalogueAdmin::refusalGrounds(const QString &command, QStringList args)
{
    const QString key = QStringLiteral("refusal_grounds");
    const QString before = part(m_catalogue, key);
    QList<RefusalGround> &grounds = m_catalogue.refusalGrounds;
    const QString code = args.value(0);
    args = args.mid(1);
    if (command == QLatin1String("list")) {
        for (const RefusalGround &g : grounds)
            print(m_out, QStringLiteral("%1\t%2\t%3").arg(g.code, g.title, g.legalBasis));
        return;
    }
    if (command == QLatin1String("remove")) {
        noneLeft(args);
        grounds.removeAt(byCode(grounds, code, QStringLiteral("refusal ground")));
        return save(QStringLiteral("refusal_ground.remove"), code, key, before);
    }
    const bool add = command == QLatin1String("add");
    if (!add && command != QLatin1String("set"))
        throw std::invalid_argument("refusal-grounds list | add | set | remove");
    checkCode(code);
    RefusalGround added{code, {}, {}, {}};
    RefusalGround &g =
        add ? added : grounds[byCode(grounds, code, QStringLiteral("refusal ground"))];
    g.title = add ? required(args, QStringLiteral("--title"))
                  : takeOption(args, QStringLiteral("--title")).value_or(g.title).trimmed();
    g.templateText = add ? required(args, QStringLiteral("--template"))
                         : takeOption(args, QStringLiteral("--template")).value_or(g.templateText);
    g.legalBasis = takeOption(args, QStringLiteral("--legal-basis")).value_or(g.legalBasis);
    noneLeft(args);
    if (add)
        grounds.append(added);
    save(add ? QStringLiteral("refusal_ground.add") : QStringLiteral("refusal_ground.set"), code,
         key, before);
}

void CatalogueAdmin::rejectReasons(const QString &command, QStringList args)
{
    const QString key = QStringLiteral("reject_reasons");
    const QString before = part(m_catalogue, key);
    QList<RejectReason> &reasons = m_catalogue.rejectReasons;
    const QString code = args.value(0);
    args = args.mid(1);
    if (command == QLatin1String("list")) {
        for (const RejectReason &r : reasons)
            print(m_out, QStringLiteral("%1\t%2").arg(r.code, r.title));
        return;
    }
    if (command == QLatin1String("remove")) {
        noneLeft(args);
        reasons.removeAt(byCode(reasons, code, QStringLiteral("reject reason")));
        return save(QStringLiteral("reject_reason.remove"), code, key, before);
    }
    const bool add = command == QLatin1String("add");
    if (!add && command != QLatin1String("set"))
        throw std::invalid_argument("reject-reasons list | add | set | remove");
    checkCode(code);
    const QString title = required(args, QStringLiteral("--title"));
    noneLeft(args);
    if (add)
        reasons.append({code, title});
    else
        reasons[byCode(reasons, code, QStringLiteral("reject reason"))].title = title;
    save(add ? QStringLiteral("reject_reason.add") : QStringLiteral("reject_reason.set"), code, key,
         before);
}

// Response templates (docs/api.md, "Catalogue"): the action they answer
// with, the category (or every one), a title and the text with its
// placeholders; checked whole with the catalogue (an unknown action,
// category or placeholder is refused).
void CatalogueAdmin::templates(const QString &command, QStringList args)
{
    const QString key = QStringLiteral("answer_templates");
    const QString before = part(m_catalogue, key);
    QList<AnswerTemplate> &list = m_catalogue.answerTemplates;
    const QString code = args.value(0);
    args = args.mid(1);
    if (command == QLatin1String("list")) {
        for (const AnswerTemplate &t : list)
            print(m_out,
                  QStringLiteral("%1\t%2\t%3\t%4")
                      .arg(t.code, t.action,
                           t.categoryId ? QString::number(*t.categoryId) : QStringLiteral("*"),
                           t.title));
        return;
    }
    if (command == QLatin1String("remove")) {
        noneLeft(args);
        list.removeAt(byCode(list, code, QStringLiteral("template")));
        return save(QStringLiteral("template.remove"), code, key, before);
    }
    const bool add = command == QLatin1String("add");
    if (!add && command != QLatin1String("set"))
        throw std::invalid_argument("templates list | add | set | remove");
    checkCode(code);
    if (add)
        list.append({code, required(args, QStringLiteral("--action")), std::nullopt,
                     required(args, QStringLiteral("--title")),
                     required(args, QStringLiteral("--text"))});
    AnswerTemplate &t = add ? list.last() : list[byCode(list, code, QStringLiteral("template"))];
    if (const auto action = takeOption(args, QStringLiteral("--action")))
        t.action = *action;
    if (const auto title = takeOption(args, QStringLiteral("--title")))
        t.title = title->trimmed();
    if (const auto text = takeOption(args, QStringLiteral("--text")))
        t.text = *text;
    if (const auto category = takeOption(args, QStringLiteral("--category")))
        t.categoryId = number(*category, QStringLiteral("--category"), 1, INT_MAX);
    if (args.removeAll(QStringLiteral("--all-categories")) > 0)
        t.categoryId.reset();
    noneLeft(args);
    save(add ? QStringLiteral("template.add") : QStringLiteral("template.set"), code, key, before);
}

void CatalogueAdmin::deadlines(const QString &command, QStringList args)
{
    const QString key = QStringLiteral("deadline_rules");
    const QString before = part(m_catalogue, key);
    DeadlineRules &r = m_catalogue.rules;
    if (command == QLatin1String("show")) {
        noneLeft(args);
        print(m_out, before);
        return;
    }
    if (command != QLatin1String("set"))
        throw std::invalid_argument("deadlines show | set");
    const struct
    {
        const char *option;
        int *field;
        int min;
        int max;
    } fields[] = {{"--answer-days", &r.answerDays, 1, 365},
                  {"--max-extension-days", &r.maxExtensionDays, 0, 365},
                  {"--max-extensions", &r.maxExtensions, 0, 10},
                  {"--min-refusal-length", &r.minRefusalLength, 0, 4000},
                  {"--max-resolution-days", &r.maxResolutionDays, 1, 3650}};
    bool any = false;
    for (const auto &f : fields) {
        const QString option = QString::fromLatin1(f.option);
        if (const auto value = takeOption(args, option)) {
            *f.field = number(*value, option, f.min, f.max);
            any = true;
        }
    }
    if (const auto count = takeOption(args, QStringLiteral("--day-count"))) {
        if (*count != QLatin1String("calendar") && *count != QLatin1String("working"))
            throw Refused(QStringLiteral("--day-count takes calendar or working"));
        r.dayCount = *count == QLatin1String("working") ? DayCount::Working : DayCount::Calendar;
        any = true;
    }
    if (const auto end = takeOption(args, QStringLiteral("--end-on-working-day"))) {
        if (*end != QLatin1String("yes") && *end != QLatin1String("no"))
            throw Refused(QStringLiteral("--end-on-working-day takes yes or no"));
        r.endOnWorkingDay = *end == QLatin1String("yes");
        any = true;
    }
    noneLeft(args);
    if (!any)
        throw std::invalid_argument("deadlines set needs at least one rule");
    save(QStringLiteral("deadlines.set"), key, key, before);
}

// The production calendar: shown, imported whole (a year's decree), or
// edited a day at a time. Every change is audited with the whole calendar
// before and after.
void CatalogueAdmin::calendar(const QString &command, QStringList args)
{
    const QString key = QStringLiteral("calendar");
    const QString before = part(m_catalogue, key);
    WorkCalendar &c = m_catalogue.calendar;
    if (command == QLatin1String("show")) {
        noneLeft(args);
        print(m_out, before);
        return;
    }
    if (command == QLatin1String("import")) {
        if (args.size() != 1)
            throw std::invalid_argument("calendar import FILE");
        QFile f(args.first());
        if (!f.open(QIODevice::ReadOnly))
            throw Refused(QStringLiteral("cannot read %1").arg(args.first()));
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(f.read(1 << 20), &error);
        if (!doc.isObject())
            throw Refused(QStringLiteral("%1 is not a JSON object: %2")
                              .arg(args.first(), error.errorString()));
        // A file of another shape (a typo in a key) would import as an
        // empty calendar: every key is known, and one of the lists is there.
        const QStringList keys = doc.object().keys();
        for (const QString &k : keys) {
            if (k != QLatin1String("holidays") && k != QLatin1String("working_days"))
                throw Refused(QStringLiteral("%1: \"%2\" is not a part of a calendar (holidays, "
                                             "working_days)")
                                  .arg(args.first(), k));
        }
        if (keys.isEmpty())
            throw Refused(
                QStringLiteral("%1 has neither holidays nor working_days").arg(args.first()));
        auto parsed = ApiJson::calendarFromJson(doc.object());
        if (!parsed)
            throw Refused(QStringLiteral("%1: %2").arg(args.first(), parsed.error.toString()));
        c = std::move(*parsed.value);
        save(QStringLiteral("calendar.import"), args.first(), key, before);
        return;
    }
    const bool holiday = command == QLatin1String("holiday");
    const bool working = command == QLatin1String("working-day");
    if ((!holiday && !working && command != QLatin1String("clear")) || args.isEmpty())
        throw std::invalid_argument(
            "calendar show | import FILE | holiday|working-day|clear DATE...");
    for (const QString &text : std::as_const(args)) {
        const QDate day = QDate::fromString(text, Qt::ISODate);
        if (!day.isValid() || text.size() != 10)
            throw Refused(QStringLiteral("%1 is not a date YYYY-MM-DD").arg(text));
        if (working && !isWeekend(day))
            throw Refused(QStringLiteral("%1 is not a Saturday or a Sunday: weekdays are worked "
                                         "anyway")
                              .arg(text));
        c.holidays.removeAll(day);
        c.workingDays.removeAll(day);
        QList<QDate> &into = holiday ? c.holidays : c.workingDays;
        if (holiday || working)
            into.insert(std::lower_bound(into.begin(), into.end(), day) - into.begin(), day);
    }
    save(QStringLiteral("calendar.") + command, args.join(QLatin1Char(' ')), key, before);
}

} // namespace

bool runCatalogueCommand(ServerStore &store, const QString &what, const QString &command,
                         QStringList args, FILE *out)
{
    return CatalogueAdmin(store, out).run(what, command, std::move(args));
}

} // namespace rd::server::admin
