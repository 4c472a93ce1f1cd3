#include "DemoGenerator.h"

#include "OmskGeography.h"

#include <QStringList>

#include <array>
#include <cmath>

namespace rd::demo {

namespace {

struct CategoryText
{
    int categoryId;
    const char *code;
    const char *name;
    int agencyId;
    std::array<const char *, 4> texts; // %1 is the address
};

// Agencies of a real city administration and its utilities.
const QList<Agency> &agencies()
{
    static const QList<Agency> list{
        {1, QStringLiteral("dgh"), QStringLiteral("Департамент городского хозяйства")},
        {2, QStringLiteral("transport"), QStringLiteral("Департамент транспорта")},
        {3, QStringLiteral("vodokanal"), QStringLiteral("АО «ОмскВодоканал»")},
        {4, QStringLiteral("teplo"), QStringLiteral("АО «Омские тепловые сети»")},
        {5, QStringLiteral("electro"), QStringLiteral("МП «Омскэлектро»")},
        {6, QStringLiteral("architecture"),
         QStringLiteral("Департамент архитектуры и градостроительства")},
        {7, QStringLiteral("ati"), QStringLiteral("Административно-техническая инспекция")},
        {8, QStringLiteral("ecology"), QStringLiteral("Управление охраны окружающей среды")},
    };
    return list;
}

// The categories, the agency each goes to, and what citizens write.
const std::array<CategoryText, 12> CategoryTexts{{
    {1,
     "potholes",
     "Ямы на дорогах",
     1,
     {"На проезжей части по адресу %1 глубокая яма, машины объезжают её по встречной полосе.",
      "Яма на дороге у дома %1 уже месяц, после дождя её не видно, вчера пробил колесо.",
      "Разбитый асфальт на %1: ямы по всей ширине дороги, автобусы едут медленно.",
      "Провал асфальта возле остановки %1, опасно для пешеходов и машин."}},
    {2,
     "sidewalks",
     "Тротуары и дворы",
     1,
     {"Тротуар %1 разрушен, после дождя стоят лужи, пройти с коляской невозможно.",
      "Во дворе дома %1 нет асфальта, грязь по колено, прошу отремонтировать проезд.",
      "Бордюр на %1 вывернут, пожилые люди спотыкаются.",
      "Пешеходная дорожка у дома %1 заросла и провалилась."}},
    {3,
     "lighting",
     "Уличное освещение",
     5,
     {"Не горят фонари на %1 уже две недели, вечером идти страшно.",
      "Фонарь у дома %1 мигает всю ночь, мешает спать.",
      "Нет освещения на пешеходном переходе %1, водители не видят людей.",
      "Оборван провод уличного освещения на %1, висит низко над тротуаром."}},
    {4,
     "waste",
     "Мусор и несанкционированные свалки",
     7,
     {"Несанкционированная свалка строительного мусора у дома %1.",
      "Мусорные контейнеры на %1 переполнены, мусор не вывозят неделю.",
      "За гаражами по адресу %1 выбрасывают старую мебель и шины.",
      "На контейнерной площадке %1 разбросан мусор, бегают крысы."}},
    {5,
     "water",
     "Водоснабжение и канализация",
     3,
     {"Из канализационного люка на %1 течёт вода, на дороге огромная лужа.",
      "Открытый канализационный люк на %1, опасно для детей.",
      "Третий день нет холодной воды в доме %1, аварийная служба не отвечает.",
      "Прорыв водопровода у дома %1, вода разливается по тротуару."}},
    {6,
     "heating",
     "Отопление и теплотрассы",
     4,
     {"Над теплотрассой у дома %1 поднимается пар, земля провалилась.",
      "В доме %1 холодные батареи, в квартирах +16.",
      "Разрушена изоляция теплотрассы вдоль %1, трубы лежат открыто.",
      "Горячая вода течёт по улице у дома %1 — порыв теплосети."}},
    {7,
     "transport",
     "Общественный транспорт",
     2,
     {"Автобусы на остановке %1 ходят с интервалом больше часа.",
      "Разбит павильон остановки %1, нет стёкол и скамейки.",
      "На остановке %1 нет расписания и указателя маршрутов.",
      "Маршрутка у остановки %1 высаживает пассажиров прямо на проезжую часть."}},
    {8,
     "snow",
     "Уборка снега и наледи",
     1,
     {"Тротуар на %1 не чистят от снега, образовалась колея и наледь.",
      "С крыши дома %1 свисают сосульки над входом в магазин.",
      "После грейдера на %1 остался снежный вал, не выехать со двора.",
      "Пешеходный переход на %1 весь во льду, люди падают."}},
    {9,
     "greenery",
     "Озеленение и аварийные деревья",
     8,
     {"Аварийный тополь у дома %1 наклонился над детской площадкой.",
      "Сухие деревья во дворе %1, ветки падают на машины.",
      "Вырубили газон у дома %1 под парковку, прошу проверить законность.",
      "Трава на разделительной полосе %1 не кошена с весны."}},
    {10,
     "ads",
     "Незаконная реклама и вывески",
     6,
     {"Рекламный щит на %1 закрывает обзор на перекрёстке.",
      "Объявления расклеены на фасаде и остановке %1.",
      "Незаконный баннер на ограждении у дома %1.",
      "Упала вывеска магазина по адресу %1, держится на одном креплении."}},
    {11,
     "playgrounds",
     "Детские площадки",
     1,
     {"Сломаны качели на детской площадке у дома %1, торчат болты.",
      "Горка на площадке %1 ржавая, у неё проломлен скат.",
      "Во дворе %1 на детской площадке разбитое стекло в песочнице.",
      "Нет ограждения у детской площадки рядом с дорогой, %1."}},
    {12,
     "traffic",
     "Светофоры и дорожные знаки",
     2,
     {"Светофор на перекрёстке %1 не работает с утра.",
      "Знак «Пешеходный переход» на %1 сбит и лежит на земле.",
      "Стёрлась разметка пешеходного перехода у дома %1.",
      "Светофор на %1 переключается слишком быстро, пешеходы не успевают перейти."}},
}};

const std::array<const char *, 8> Extras{
    "Прошу принять меры.",
    "Жалуемся уже не первый раз.",
    "Фото прилагаю.",
    "Жители дома просят разобраться как можно скорее.",
    "Рядом школа, ходят дети.",
    "Обращались в управляющую компанию, ответа нет.",
    "",
    "Ситуация ухудшается с каждым днём.",
};

const std::array<const char *, 20> FirstNames{
    "Анна",     "Ирина",   "Елена",   "Ольга",   "Наталья",  "Татьяна", "Мария",
    "Светлана", "Юлия",    "Людмила", "Алексей", "Сергей",   "Андрей",  "Дмитрий",
    "Игорь",    "Николай", "Павел",   "Евгений", "Владимир", "Михаил"};
const std::array<const char *, 16> LastNames{
    "Иванов",  "Смирнов", "Кузнецов", "Попов",  "Васильев", "Петров",  "Соколов", "Михайлов",
    "Новиков", "Фёдоров", "Морозов",  "Волков", "Алексеев", "Лебедев", "Семёнов", "Егоров"};
const std::array<const char *, 20> Translit{"anna",    "irina",  "elena",    "olga",     "natalya",
                                            "tatyana", "maria",  "svetlana", "yulia",    "lyudmila",
                                            "alexey",  "sergey", "andrey",   "dmitry",   "igor",
                                            "nikolay", "pavel",  "evgeny",   "vladimir", "mikhail"};

const std::array<const char *, 5> Moderators{"Модератор Белова", "Модератор Кравцов",
                                             "Модератор Шевченко", "Модератор Орлова",
                                             "Модератор Зайцев"};

QString agencyActor(int agencyId)
{
    for (const Agency &agency : agencies()) {
        if (agency.id == agencyId)
            return agency.name;
    }
    return QStringLiteral("Исполнитель");
}

} // namespace

DemoGenerator::DemoGenerator(quint32 seed, const QDateTime &now)
    : m_random(seed)
    , m_now(now.toUTC())
{}

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
    catalogue.rules = {30, 30, 1, 50};
    catalogue.etag = QStringLiteral("\"demo-2\"");
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
    const double answerAfterDays = 1.0 + std::pow(m_random.generateDouble(), 1.5) * 40.0;
    if (draft.age < answerAfterDays || m_random.bounded(100) < 6)
        return draft.finish(); // still awaiting the answer (overdue if past due)
    double hours = answerAfterDays * 24.0;
    const int answer = int(m_random.bounded(100));
    if (answer < 30)
        answerWithDeadline(draft, answerAfterDays, &hours);
    else if (answer < 80)
        answerSolved(draft, hours);
    else
        answerRefusal(draft, hours);
    civicControl(draft, answerAfterDays, hours);
    return draft.finish();
}

void DemoGenerator::file(Draft &draft, qint64 id)
{
    Complaint &c = draft.complaint();
    c.id = id;
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
    c.categoryId = int(m_random.bounded(1, int(CategoryTexts.size()) + 1));
    c.text = complaintText(c.categoryId, c.address.mid(8));
    c.authorName = personName(&c.authorEmail, &c.authorPhone);

    // Filed some time in the past year, more of them recently.
    draft.age = std::pow(m_random.generateDouble(), 1.3) * 365.0;
    c.createdAt = m_now.addSecs(-qint64(draft.age * 86400.0));
    c.dueDate = c.createdAt.date().addDays(catalogue().rules.answerDays);
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

// A promised date, sometimes extended once, and for some the promised fix.
void DemoGenerator::answerWithDeadline(Draft &draft, double answerAfterDays, double *hours)
{
    Complaint &c = draft.complaint();
    const QString agency = agencyActor(*c.agencyId);
    c.state = ComplaintState::InProgress;
    c.answerKind = AnswerKind::Deadline;
    draft.markAnswered(*hours);
    c.answerDeadline = c.answeredAt.date().addDays(m_random.bounded(7, 90));
    c.answerText = QStringLiteral("Работы включены в план. Срок выполнения — до %1.")
                       .arg(c.answerDeadline.toString(QStringLiteral("dd.MM.yyyy")));
    draft.event(c.answeredAt, agency, QStringLiteral("set_deadline"), {},
                c.answerDeadline.toString(Qt::ISODate), c.answerText);
    if (m_random.bounded(100) < 20 && c.answerDeadline < m_now.date()) {
        const QDate old = c.answerDeadline;
        c.answerDeadline = old.addDays(m_random.bounded(5, catalogue().rules.maxExtensionDays + 1));
        c.deadlineExtended = true;
        c.extensionReason = QStringLiteral("Неблагоприятные погодные условия, работы перенесены.");
        draft.event(draft.at(*hours + 24.0 * double(c.answeredAt.date().daysTo(old))), agency,
                    QStringLiteral("extend_deadline"), old.toString(Qt::ISODate),
                    c.answerDeadline.toString(Qt::ISODate), c.extensionReason);
    }
    // Some promised fixes were done.
    const double doneAfterDays = double(c.answeredAt.date().daysTo(c.answerDeadline)) * 0.8;
    if (draft.age > answerAfterDays + doneAfterDays + 1.0 && m_random.bounded(100) < 60) {
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
    const Catalogue cat = catalogue();
    const RefusalGround &ground =
        cat.refusalGrounds[m_random.bounded(qsizetype(cat.refusalGrounds.size()))];
    c.state = ComplaintState::Refused;
    c.answerKind = AnswerKind::Refusal;
    c.refusalGround = ground.code;
    c.answerText = ground.templateText +
                   QStringLiteral(" Адрес %1 проверен специалистом ведомства.").arg(c.address);
    draft.markAnswered(hours);
    draft.event(c.answeredAt, agencyActor(*c.agencyId), QStringLiteral("refuse"), {}, ground.code,
                c.answerText);
}

// Civic control after "solved": the author confirms or contests.
void DemoGenerator::civicControl(Draft &draft, double answerAfterDays, double hours)
{
    Complaint &c = draft.complaint();
    if (c.state != ComplaintState::Solved || draft.age <= answerAfterDays + 3.0)
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
    }
}

} // namespace rd::demo
