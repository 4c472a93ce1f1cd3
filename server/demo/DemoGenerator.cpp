#include "DemoGenerator.h"

#include "Deadlines.h"
#include "DemoTexts.h"
#include "OmskGeography.h"

#include <QStringList>

#include <array>
#include <cmath>

namespace rd::demo {

namespace {

QString agencyActor(int agencyId)
{
    for (const Agency &agency : agencies()) {
        if (agency.id == agencyId)
            return agency.name;
    }
    return QStringLiteral("Исполнитель");
}

// The production calendar the demo publishes: Russia's public holidays
// (Трудовой кодекс ст. 112) on weekdays, with the days off a holiday on a
// weekend moves to the next working day, and the January days off the
// government moved for 2026 (to 9 January and 31 December). An example: an
// agency imports its own region's calendar each year (deployment.md).
WorkCalendar demoCalendar()
{
    WorkCalendar calendar;
    const char *const holidays[] = {
        "2025-12-31",                                                         //
        "2026-01-01", "2026-01-02", "2026-01-05", "2026-01-06", "2026-01-07", //
        "2026-01-08", "2026-01-09", "2026-02-23", "2026-03-09", "2026-05-01", //
        "2026-05-11", "2026-06-12", "2026-11-04", "2026-12-31",               //
        "2027-01-01", "2027-01-04", "2027-01-05", "2027-01-06", "2027-01-07", //
        "2027-01-08", "2027-02-23", "2027-03-08", "2027-05-03", "2027-05-10", //
        "2027-06-14", "2027-11-04"};
    for (const char *day : holidays)
        calendar.holidays.append(QDate::fromString(QString::fromLatin1(day), Qt::ISODate));
    return calendar;
}

} // namespace

DemoGenerator::DemoGenerator(quint32 seed, const QDateTime &now)
    : m_random(seed)
    , m_now(now.toUTC())
    , m_catalogue(catalogue())
{}

double DemoGenerator::winterLoad(const QDateTime &time)
{
    // A smooth year: the most on 15 January, the least half a year later.
    const double day = time.date().dayOfYear() - 15.0;
    constexpr double Pi = 3.14159265358979323846;
    return (1.0 + std::cos(2.0 * Pi * day / 365.25)) / 2.0;
}

Catalogue DemoGenerator::catalogue()
{
    Catalogue catalogue;
    for (const CategoryText &c : CategoryTexts)
        catalogue.categories.append(
            {c.categoryId, QString::fromUtf8(c.code), QString::fromUtf8(c.name), c.agencyId});
    catalogue.agencies = agencies();
    for (const DemoDistrict &d : omskDistricts())
        catalogue.districts.append({d.id, QString::fromUtf8(d.name)});
    // 59-FZ art. 11 grounds, then an agency's own.
    catalogue.refusalGrounds = {
        {QStringLiteral("no_address"), QStringLiteral("Не указан адрес для ответа"),
         QStringLiteral("Обращение оставлено без ответа, так как в нём не указаны фамилия "
                        "гражданина или почтовый адрес для ответа."),
         QStringLiteral("59-ФЗ ст. 11 ч. 1")},
        {QStringLiteral("abusive"), QStringLiteral("Нецензурные или оскорбительные выражения"),
         QStringLiteral("Обращение содержит нецензурные либо оскорбительные выражения, угрозы "
                        "жизни, здоровью и имуществу должностного лица. Обращение оставлено без "
                        "ответа по существу поставленных вопросов."),
         QStringLiteral("59-ФЗ ст. 11 ч. 3")},
        {QStringLiteral("unreadable"), QStringLiteral("Текст не поддаётся прочтению"),
         QStringLiteral("Текст обращения не поддаётся прочтению, ответ на обращение не даётся."),
         QStringLiteral("59-ФЗ ст. 11 ч. 4")},
        {QStringLiteral("already_answered"), QStringLiteral("Ответ уже давался"),
         QStringLiteral("По существу поставленного вопроса ранее неоднократно давались "
                        "письменные ответы, новые доводы не приводятся. Переписка прекращена."),
         QStringLiteral("59-ФЗ ст. 11 ч. 5")},
        {QStringLiteral("no_substance"), QStringLiteral("Суть обращения не ясна"),
         QStringLiteral("Текст обращения не позволяет определить суть предложения, заявления "
                        "или жалобы."),
         QStringLiteral("59-ФЗ ст. 11 ч. 4.1")},
        {QStringLiteral("not_competent"), QStringLiteral("Вопрос не в компетенции ведомства"),
         QStringLiteral("Решение поставленного вопроса не входит в компетенцию ведомства. "
                        "Обращение направлено в орган, в компетенцию которого входит решение "
                        "вопроса."),
         QStringLiteral("59-ФЗ ст. 8 ч. 3")},
        {QStringLiteral("private_territory"), QStringLiteral("Частная территория"),
         QStringLiteral("Указанная территория не является муниципальной собственностью; "
                        "содержание территории — обязанность её собственника."),
         QString()},
        {QStringLiteral("planned_works"), QStringLiteral("Работы включены в план"),
         QStringLiteral("Работы по указанному адресу включены в план капитального ремонта "
                        "на следующий год."),
         QString()},
    };
    catalogue.rejectReasons = {
        {QStringLiteral("not_municipal"),
         QStringLiteral("Вопрос не относится к ведению городских служб")},
        {QStringLiteral("no_place"), QStringLiteral("Не указано место, или его невозможно найти")},
        {QStringLiteral("abusive"), QStringLiteral("Оскорбительные выражения")},
        {QStringLiteral("spam"), QStringLiteral("Реклама или спам")},
        {QStringLiteral("no_problem"), QStringLiteral("Текст не описывает проблему")},
        {QStringLiteral("already_solved"), QStringLiteral("Проблема решена до подачи обращения")},
    };
    catalogue.answerTemplates = {
        {QStringLiteral("pothole_patched"), QStringLiteral("solve"), 1,
         QStringLiteral("Яма заделана"),
         QStringLiteral("По обращению № {number}: выбоина по адресу {address} заделана "
                        "{date}. Благодарим за сообщение. {agency}, исполнитель {executor}.")},
        {QStringLiteral("solved"), QStringLiteral("solve"), std::nullopt,
         QStringLiteral("Проблема устранена"),
         QStringLiteral("По обращению № {number} ({address}) работы выполнены {date}. Просим "
                        "подтвердить результат. {agency}.")},
        {QStringLiteral("planned"), QStringLiteral("set_deadline"), std::nullopt,
         QStringLiteral("Работы запланированы"),
         QStringLiteral("Работы по адресу {address} включены в план и будут выполнены до "
                        "{date}. {agency}, исполнитель {executor}.")},
        {QStringLiteral("weather"), QStringLiteral("extend_deadline"), std::nullopt,
         QStringLiteral("Погодные условия"),
         QStringLiteral("Срок перенесён на {date}: погодные условия не позволяют выполнить "
                        "работы.")},
        {QStringLiteral("not_ours"), QStringLiteral("refuse"), std::nullopt,
         QStringLiteral("Не в ведении"),
         QStringLiteral("Территория по адресу {address} не находится в ведении {agency}.")},
        {QStringLiteral("crew_sent"), QStringLiteral("note"), std::nullopt,
         QStringLiteral("Бригада направлена"),
         QStringLiteral("Бригада направлена по адресу {address}, обращение № {number}.")},
    };
    catalogue.rules = {30, 30, 1, 50};
    catalogue.calendar = demoCalendar();
    catalogue.etag = QStringLiteral("\"demo-3\"");
    return catalogue;
}

QString DemoGenerator::personName(QString *email, QString *phone)
{
    const int first = int(m_random.bounded(quint32(FirstNames.size())));
    const int last = int(m_random.bounded(quint32(LastNames.size())));
    QString lastName = QString::fromUtf8(LastNames[size_t(last)]);
    if (first < 10) // the feminine form for the women's names
        lastName += QStringLiteral("а");
    *email = QStringLiteral("%1.%2@example.ru")
                 .arg(QString::fromUtf8(Translit[size_t(first)]))
                 .arg(m_random.bounded(100, 9999));
    *phone = QStringLiteral("+7 913 %1-%2-%3")
                 .arg(m_random.bounded(100, 999))
                 .arg(m_random.bounded(10, 99))
                 .arg(m_random.bounded(10, 99));
    return QString::fromUtf8(FirstNames[size_t(first)]) + QLatin1Char(' ') + lastName;
}

QString DemoGenerator::complaintText(int categoryId, const QString &address)
{
    const CategoryText &c = CategoryTexts[size_t(categoryId - 1)];
    QString text =
        QString::fromUtf8(c.texts[m_random.bounded(quint32(c.texts.size()))]).arg(address);
    const QString extra = QString::fromUtf8(Extras[m_random.bounded(quint32(Extras.size()))]);
    if (!extra.isEmpty())
        text += QLatin1Char(' ') + extra;
    return text;
}

QList<DemoComplaint> DemoGenerator::generate(int count, qint64 firstId)
{
    QList<DemoComplaint> result;
    result.reserve(count);
    for (int i = 0; i < count; ++i)
        result.append(makeOne(firstId + i, result));
    return result;
}

// A complaint being generated: what it has become so far, how long ago it
// was filed, and who moderates it.
struct DemoGenerator::Draft
{
    DemoComplaint out;
    double age = 0.0; // days since filing
    QString moderator;

    Complaint &complaint() { return out.complaint; }

    // One more history entry; the complaint was last updated then.
    void event(const QDateTime &at, const QString &actor, const QString &action,
               const QString &oldValue = {}, const QString &newValue = {},
               const QString &comment = {})
    {
        Complaint &c = out.complaint;
        out.history.append(
            {c.id, qint64(out.history.size()) + 1, at, actor, action, oldValue, newValue, comment});
        c.updatedAt = at;
    }

    // The time so many hours after filing, but never after now.
    QDateTime at(double hoursAfterFiling) const
    {
        const double capped = std::min(hoursAfterFiling, age * 24.0 - 0.1);
        return out.complaint.createdAt.addSecs(qint64(std::max(capped, 0.05) * 3600.0));
    }

    // The agency answered so many hours after filing.
    void markAnswered(double hoursAfterFiling)
    {
        Complaint &c = out.complaint;
        c.answeredAt = at(hoursAfterFiling);
        if (!c.firstAnsweredAt.isValid())
            c.firstAnsweredAt = c.answeredAt;
    }

    // Done: the version is the number of changes it went through.
    DemoComplaint finish()
    {
        out.complaint.version = qint64(out.history.size());
        return out;
    }
};

DemoComplaint DemoGenerator::makeOne(qint64 id, const QList<DemoComplaint> &earlier)
{
    Draft draft;
    file(draft, id);
    if (!moderate(draft, earlier))
        return draft.finish();

    // The agency's answer, if the complaint is old enough to have one.
    const double answerAfterDays = answerDelay(draft);
    const int answer = int(m_random.bounded(100));
    if (draft.age < answerAfterDays)
        return draft.finish(); // still awaiting the answer (overdue only if it is late)
    double hours = answerAfterDays * 24.0;
    if (answer < 30)
        answerWithDeadline(draft, answerAfterDays, &hours);
    else if (answer < 80)
        answerSolved(draft, hours);
    else
        answerRefusal(draft, hours);
    civicControl(draft, hours);
    return draft.finish();
}

double DemoGenerator::answerDelay(const Draft &draft)
{
    // Most within the 30 days (up to three weeks in summer, nearly four in
    // winter); a few days late here and there, more of them in winter; a
    // very few stuck for some weeks.
    const double load = winterLoad(draft.out.complaint.createdAt);
    const double due = m_catalogue.rules.answerDays;
    const double roll = m_random.generateDouble();
    const double spread = m_random.generateDouble();
    if (roll < 0.003)
        return due + 15.0 + spread * 30.0;
    if (roll < 0.035 + 0.045 * load)
        return due + 1.0 + spread * spread * 12.0;
    return 1.0 + std::pow(spread, 1.4) * (due - 6.0) * (0.75 + 0.25 * load);
}

void DemoGenerator::fileDate(Draft &draft)
{
    // Over the past year, more of them recently (the service is used more
    // and more) and in winter: a date is kept with the chance its season
    // gives, else another is drawn.
    Complaint &c = draft.complaint();
    do {
        draft.age = std::pow(m_random.generateDouble(), 1.3) * 365.0;
        c.createdAt = m_now.addSecs(-qint64(draft.age * 86400.0));
    } while (m_random.generateDouble() > 0.5 + 0.5 * winterLoad(c.createdAt));
}

int DemoGenerator::seasonalCategory(double load)
{
    // No snow in summer, no tree felling in deep winter: those become what
    // the season brings instead (potholes after the thaw, snow and ice).
    int category = int(m_random.bounded(1, int(CategoryTexts.size()) + 1));
    if (category == 8 && load < 0.4) // snow
        category = 1;
    else if (category == 9 && load > 0.85) // greenery
        category = 8;
    return category;
}

void DemoGenerator::file(Draft &draft, qint64 id)
{
    Complaint &c = draft.complaint();
    c.id = id;
    fileDate(draft);
    const auto &streets = omskStreets();
    const DemoStreet &street = streets[m_random.bounded(qsizetype(streets.size()))];
    const double t = m_random.generateDouble();
    // A point along the street, a few metres off its axis.
    c.latitude =
        street.lat1 + (street.lat2 - street.lat1) * t + (m_random.generateDouble() - 0.5) * 0.0006;
    c.longitude =
        street.lon1 + (street.lon2 - street.lon1) * t + (m_random.generateDouble() - 0.5) * 0.0009;
    c.districtId = street.districtId;
    c.address = QStringLiteral("г. Омск, %1, %2")
                    .arg(QString::fromUtf8(street.name))
                    .arg(m_random.bounded(1, 180));
    c.categoryId = seasonalCategory(winterLoad(c.createdAt));
    c.text = complaintText(c.categoryId, c.address.mid(8));
    c.authorName = personName(&c.authorEmail, &c.authorPhone);
    c.dueDate = Deadlines::answerDue(c.createdAt.date(), m_catalogue);
    draft.event(c.createdAt, c.authorName, QStringLiteral("file"), {}, c.text);

    const int photos = int(m_random.bounded(0, 4));
    for (int p = 0; p < photos; ++p)
        draft.out.photos.append({QStringLiteral("c%1-%2").arg(id).arg(p + 1), id,
                                 QStringLiteral("image/jpeg"), 1280, 960,
                                 qint64(m_random.bounded(120000, 900000)), false});
    draft.moderator = QString::fromUtf8(Moderators[m_random.bounded(quint32(Moderators.size()))]);
}

bool DemoGenerator::moderate(Draft &draft, const QList<DemoComplaint> &earlier)
{
    Complaint &c = draft.complaint();
    // Fresh complaints wait for moderation (a moderator's incoming queue of
    // the last three days); older ones went somewhere.
    if (draft.age * 24.0 < 72.0 && m_random.bounded(100) < 80) {
        c.state = ComplaintState::Moderation;
        return false;
    }
    const int roll = int(m_random.bounded(100));
    const double hours = 2.0 + m_random.generateDouble() * 20.0;
    if (roll < 5) {
        c.state = ComplaintState::Rejected;
        c.rejectReason = QStringLiteral("Обращение не содержит описания проблемы и адреса.");
        draft.event(draft.at(hours), draft.moderator, QStringLiteral("reject"), {}, {},
                    c.rejectReason);
        return false;
    }
    if (roll < 9 && !earlier.isEmpty()) {
        markDuplicate(draft, earlier[m_random.bounded(qsizetype(earlier.size()))], hours);
        return false;
    }
    if (m_random.bounded(100) < 8) {
        // A moderation edit: personal data taken out before publication.
        const QString original = c.text + QStringLiteral(" Звоните мне: ") + c.authorPhone;
        draft.out.history.first().newValue = original;
        draft.event(draft.at(hours - 0.5), draft.moderator, QStringLiteral("redact"), original,
                    c.text);
    }
    c.agencyId = CategoryTexts[size_t(c.categoryId - 1)].agencyId;
    c.publishedAt = draft.at(hours);
    draft.event(c.publishedAt, draft.moderator, QStringLiteral("publish"), {},
                QString::number(*c.agencyId));
    c.state = ComplaintState::Published;
    c.votes = int(std::pow(m_random.generateDouble(), 3.0) * 250.0);
    return true;
}

// A near duplicate: same place and category as an earlier complaint.
void DemoGenerator::markDuplicate(Draft &draft, const DemoComplaint &original, double hours)
{
    Complaint &c = draft.complaint();
    c.state = ComplaintState::Duplicate;
    c.categoryId = original.complaint.categoryId;
    c.latitude = original.complaint.latitude + (m_random.generateDouble() - 0.5) * 0.0004;
    c.longitude = original.complaint.longitude + (m_random.generateDouble() - 0.5) * 0.0006;
    c.address = original.complaint.address;
    c.districtId = original.complaint.districtId;
    c.duplicateOf = original.complaint.id;
    draft.event(draft.at(hours), draft.moderator, QStringLiteral("mark_duplicate"), {},
                QString::number(original.complaint.id));
}

// A promised date, sometimes extended once; most promised fixes are done
// before their date, a few some days or weeks after it.
void DemoGenerator::answerWithDeadline(Draft &draft, double answerAfterDays, double *hours)
{
    Complaint &c = draft.complaint();
    const QString agency = agencyActor(*c.agencyId);
    c.state = ComplaintState::InProgress;
    c.answerKind = AnswerKind::Deadline;
    draft.markAnswered(*hours);
    c.answerDeadline = c.answeredAt.date().addDays(m_random.bounded(7, 61));
    c.answerText = QStringLiteral("Работы включены в план. Срок выполнения — до %1.")
                       .arg(c.answerDeadline.toString(QStringLiteral("dd.MM.yyyy")));
    draft.event(c.answeredAt, agency, QStringLiteral("set_deadline"), {},
                c.answerDeadline.toString(Qt::ISODate), c.answerText);
    const int fate = int(m_random.bounded(100));
    const double doneShare = 0.4 + 0.55 * m_random.generateDouble(); // of the time promised
    // A quarter are extended once, a couple of days before the date, when
    // the agency sees it will not make it (weather, a contractor).
    const QDate old = c.answerDeadline;
    if (fate < 25 && old.addDays(-2) <= m_now.date()) {
        c.answerDeadline =
            old.addDays(m_random.bounded(10, m_catalogue.rules.maxExtensionDays + 1));
        c.deadlineExtended = true;
        c.extensionReason = QStringLiteral("Неблагоприятные погодные условия, работы перенесены.");
        draft.event(draft.at(*hours + 24.0 * double(c.answeredAt.date().daysTo(old) - 2)), agency,
                    QStringLiteral("extend_deadline"), old.toString(Qt::ISODate),
                    c.answerDeadline.toString(Qt::ISODate), c.extensionReason);
    }
    const double promised = double(c.answeredAt.date().daysTo(c.answerDeadline));
    const double first = double(c.answeredAt.date().daysTo(old));
    // Done within the time promised (an extended one after its first
    // date); a few kept late, by days or weeks.
    const double doneAfterDays = fate >= 96           ? promised + 5.0 + 35.0 * doneShare
                                 : c.deadlineExtended ? first + (promised - first) * doneShare
                                                      : promised * doneShare;
    if (draft.age > answerAfterDays + doneAfterDays + 0.5) {
        *hours += doneAfterDays * 24.0;
        c.state = ComplaintState::Solved;
        c.answerKind = AnswerKind::Solved;
        c.answerText = QStringLiteral("Работы выполнены в установленный срок.");
        draft.markAnswered(*hours);
        draft.event(c.answeredAt, agency, QStringLiteral("solve"), {}, {}, c.answerText);
    }
}

void DemoGenerator::answerSolved(Draft &draft, double hours)
{
    Complaint &c = draft.complaint();
    c.state = ComplaintState::Solved;
    c.answerKind = AnswerKind::Solved;
    c.answerText = QStringLiteral("Проблема устранена, выполнен ремонт. Спасибо за обращение.");
    draft.markAnswered(hours);
    draft.event(c.answeredAt, agencyActor(*c.agencyId), QStringLiteral("solve"), {}, {},
                c.answerText);
    if (m_random.bounded(100) < 50)
        draft.out.photos.append({QStringLiteral("c%1-e1").arg(c.id), c.id,
                                 QStringLiteral("image/jpeg"), 1280, 960,
                                 qint64(m_random.bounded(120000, 900000)), true});
}

void DemoGenerator::answerRefusal(Draft &draft, double hours)
{
    Complaint &c = draft.complaint();
    const QList<RefusalGround> &grounds = m_catalogue.refusalGrounds;
    const RefusalGround &ground = grounds[m_random.bounded(grounds.size())];
    c.state = ComplaintState::Refused;
    c.answerKind = AnswerKind::Refusal;
    c.refusalGround = ground.code;
    c.answerText = ground.templateText +
                   QStringLiteral(" Адрес %1 проверен специалистом ведомства.").arg(c.address);
    draft.markAnswered(hours);
    draft.event(c.answeredAt, agencyActor(*c.agencyId), QStringLiteral("refuse"), {}, ground.code,
                c.answerText);
}

// Civic control after "solved": the author confirms or contests (or says
// nothing); a contested complaint goes back to the agency, which answers
// again within three weeks.
void DemoGenerator::civicControl(Draft &draft, double hours)
{
    Complaint &c = draft.complaint();
    if (c.state != ComplaintState::Solved || draft.age * 24.0 <= hours + 72.0)
        return;
    const int verdict = int(m_random.bounded(100));
    if (verdict < 55) {
        c.state = ComplaintState::Confirmed;
        c.citizenFeedback = QStringLiteral("Спасибо, всё сделали.");
        draft.event(draft.at(hours + 48.0), c.authorName, QStringLiteral("confirm"), {}, {},
                    c.citizenFeedback);
    } else if (verdict < 70) {
        c.state = ComplaintState::Contested;
        c.citizenFeedback = QStringLiteral("Ничего не сделано, проблема осталась.");
        draft.event(draft.at(hours + 48.0), c.authorName, QStringLiteral("contest"), {}, {},
                    c.citizenFeedback);
        answerContest(draft, hours + 48.0);
    }
}

void DemoGenerator::answerContest(Draft &draft, double contestedAt)
{
    Complaint &c = draft.complaint();
    const double again = contestedAt + 24.0 * (4.0 + m_random.generateDouble() * 16.0);
    const bool confirms = m_random.bounded(100) < 60;
    if (draft.age * 24.0 <= again)
        return; // back in the agency's queue now
    c.state = ComplaintState::Solved;
    c.answerKind = AnswerKind::Solved;
    c.answerText = QStringLiteral("Повторный выезд: недостатки устранены, работы приняты.");
    draft.markAnswered(again);
    draft.event(c.answeredAt, agencyActor(*c.agencyId), QStringLiteral("solve"), {}, {},
                c.answerText);
    if (confirms && draft.age * 24.0 > again + 48.0) {
        c.state = ComplaintState::Confirmed;
        c.citizenFeedback = QStringLiteral("Теперь всё в порядке, спасибо.");
        draft.event(draft.at(again + 48.0), c.authorName, QStringLiteral("confirm"), {}, {},
                    c.citizenFeedback);
    }
}

} // namespace rd::demo
