#include "Admin.h"

#include "AdminTools.h"
#include "ApiJson.h"
#include "ServerStore.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <memory>
#include <stdexcept>

namespace rd::server {

namespace {

const char *const Usage =
    "usage: regiondesk-server admin (--data DIR | --database URI) [--photos DIR] COMMAND\n"
    "  users list\n"
    "  users add LOGIN --name NAME --role ROLE [--agency ID]   (password on stdin)\n"
    "  users set LOGIN [--name NAME] [--role ROLE] [--agency ID | --no-agency]\n"
    "  users disable LOGIN | users enable LOGIN\n"
    "  users reset-password LOGIN                               (password on stdin)\n"
    "  catalogue export [FILE] | catalogue import FILE\n"
    "%s"
    "  audit [--limit N]\n"
    "  backup FILE [--photos-to DIR]   (SQLite: a consistent copy while servers run;\n"
    "                                  the photo files it names copied into DIR)\n"
    "  restored              (after a restore: every desk synchronises afresh)\n"
    "%s"
    "--photos: the photo files' folder (default with --data: DIR/photos).\n"
    "ROLE: moderator, clerk, supervisor. Every change is kept in the audit log.\n";

using admin::Refused;
using admin::takeFlag;
using admin::takeOption;

QString userText(const User &u)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonObject{{QStringLiteral("login"), u.login},
                                  {QStringLiteral("display_name"), u.displayName},
                                  {QStringLiteral("role"), toCode(u.role)},
                                  {QStringLiteral("agency_id"),
                                   u.agencyId ? QJsonValue(*u.agencyId) : QJsonValue()},
                                  {QStringLiteral("disabled"), u.disabled}})
            .toJson(QJsonDocument::Compact));
}

class Admin
{
public:
    Admin(ServerStore &store, FILE *in, FILE *out)
        : m_store(store)
        , m_in(in)
        , m_out(out)
    {}

    void run(QStringList args)
    {
        const QString what = args.value(0);
        const QString command = args.value(1);
        args = args.mid(2);
        if (what == QLatin1String("users") && command == QLatin1String("list"))
            return listUsers();
        if (what == QLatin1String("users") && command == QLatin1String("add"))
            return addUser(args);
        if (what == QLatin1String("users") && command == QLatin1String("set"))
            return setUser(args);
        if (what == QLatin1String("users") &&
            (command == QLatin1String("disable") || command == QLatin1String("enable")))
            return setDisabled(args.value(0), command == QLatin1String("disable"));
        if (what == QLatin1String("users") && command == QLatin1String("reset-password"))
            return resetPassword(args.value(0));
        if (what == QLatin1String("catalogue") && command == QLatin1String("export"))
            return exportCatalogue(args.value(0));
        if (what == QLatin1String("catalogue") && command == QLatin1String("import"))
            return importCatalogue(args.value(0));
        if (what == QLatin1String("audit"))
            return listAudit(QStringList{command} + args);
        if (what == QLatin1String("backup"))
            return backup(QStringList{command} + args);
        if (what == QLatin1String("restored") && command.isEmpty())
            return restored();
        if (admin::runCatalogueCommand(m_store, what, command, args, m_out) ||
            admin::runPhotosCommand(m_store, what, command, args, m_out))
            return;
        throw std::invalid_argument("unknown command");
    }

private:
    void print(const QString &line) { admin::print(m_out, line); }
    static QString who() { return admin::who(); }
    void audited(const QString &action, const QString &subject, const QString &before,
                 const QString &after)
    {
        admin::audit(m_store, action, subject, before, after);
    }

    User user(const QString &login)
    {
        if (login.isEmpty())
            throw std::invalid_argument("a login is needed");
        const auto u = m_store.userByLogin(login);
        if (!u)
            throw Refused(QStringLiteral("no user %1").arg(login).toStdString());
        return *u;
    }

    static Role role(const QString &code)
    {
        const auto r = roleFromCode(code);
        if (!r)
            throw Refused(QStringLiteral("unknown role %1 (moderator, clerk, supervisor)")
                              .arg(code)
                              .toStdString());
        return *r;
    }

    std::optional<int> agency(const QString &text)
    {
        bool ok = false;
        const int id = text.toInt(&ok);
        const auto &agencies = m_store.catalogue().agencies;
        if (!ok || std::none_of(agencies.cbegin(), agencies.cend(),
                                [id](const Agency &a) { return a.id == id; }))
            throw Refused(
                QStringLiteral("agency %1 is not in the catalogue").arg(text).toStdString());
        return id;
    }

    static void checkRoleAgency(const User &u)
    {
        if (u.role == Role::Clerk && !u.agencyId)
            throw Refused("a clerk belongs to an agency: give --agency ID");
        if (u.role == Role::Moderator && u.agencyId)
            throw Refused("a moderator works for every agency: no --agency");
    }

    // One line from standard input, without echo concerns (pipe it in).
    QString readPassword()
    {
        QTextStream in(m_in);
        const QString password = in.readLine();
        if (password.size() < 10)
            throw Refused("the password (one line on standard input) needs 10 characters or more");
        return password;
    }

    void listUsers()
    {
        for (const User &u : m_store.users()) {
            print(QStringLiteral("%1\t%2\t%3\t%4\t%5\t%6")
                      .arg(u.id)
                      .arg(u.login, toCode(u.role),
                           u.agencyId ? QString::number(*u.agencyId) : QStringLiteral("-"),
                           u.disabled ? QStringLiteral("disabled") : QStringLiteral("active"),
                           u.displayName));
        }
    }

    void addUser(QStringList args)
    {
        User u;
        u.displayName = takeOption(args, QStringLiteral("--name")).value_or(QString());
        u.role = role(takeOption(args, QStringLiteral("--role")).value_or(QString()));
        if (const auto a = takeOption(args, QStringLiteral("--agency")))
            u.agencyId = agency(*a);
        u.login = args.value(0);
        if (u.login.isEmpty() || args.size() != 1 || u.displayName.trimmed().isEmpty())
            throw std::invalid_argument("users add LOGIN --name NAME --role ROLE");
        checkRoleAgency(u);
        if (m_store.userByLogin(u.login))
            throw Refused(QStringLiteral("user %1 exists").arg(u.login).toStdString());
        const QString password = readPassword();
        ServerStore::WriteTransaction transaction(m_store);
        u.id = m_store.addUser(u.login, u.displayName, u.role, u.agencyId, password);
        audited(QStringLiteral("user.add"), u.login, {}, userText(u));
        transaction.commit();
        print(QStringLiteral("added %1 (id %2)").arg(u.login).arg(u.id));
    }

    void setUser(QStringList args)
    {
        const auto name = takeOption(args, QStringLiteral("--name"));
        const auto roleCode = takeOption(args, QStringLiteral("--role"));
        const auto agencyText = takeOption(args, QStringLiteral("--agency"));
        const bool noAgency = takeFlag(args, QStringLiteral("--no-agency"));
        if (args.size() != 1 || (agencyText && noAgency))
            throw std::invalid_argument("users set LOGIN [options]");
        const User before = user(args.value(0));
        User after = before;
        if (name)
            after.displayName = *name;
        if (roleCode)
            after.role = role(*roleCode);
        if (agencyText)
            after.agencyId = agency(*agencyText);
        if (noAgency)
            after.agencyId.reset();
        checkRoleAgency(after);
        ServerStore::WriteTransaction transaction(m_store);
        m_store.updateUser(after);
        // A new role or agency starts with a new sign-in.
        if (after.role != before.role || after.agencyId != before.agencyId)
            m_store.revokeTokensOf(after.id);
        audited(QStringLiteral("user.set"), after.login, userText(before), userText(after));
        transaction.commit();
        print(QStringLiteral("updated %1").arg(after.login));
    }

    void setDisabled(const QString &login, bool disabled)
    {
        const User before = user(login);
        User after = before;
        after.disabled = disabled;
        ServerStore::WriteTransaction transaction(m_store);
        m_store.updateUser(after);
        if (disabled)
            m_store.revokeTokensOf(after.id);
        audited(disabled ? QStringLiteral("user.disable") : QStringLiteral("user.enable"), login,
                userText(before), userText(after));
        transaction.commit();
        print(QStringLiteral("%1 %2").arg(login, disabled ? QStringLiteral("disabled")
                                                          : QStringLiteral("enabled")));
    }

    void resetPassword(const QString &login)
    {
        const User u = user(login);
        const QString password = readPassword();
        ServerStore::WriteTransaction transaction(m_store);
        m_store.setPassword(u.id, password);
        m_store.revokeTokensOf(u.id);
        audited(QStringLiteral("user.reset_password"), login, {}, {}); // never the password
        transaction.commit();
        print(QStringLiteral("password of %1 reset; its sessions ended").arg(login));
    }

    void exportCatalogue(const QString &file)
    {
        const QByteArray json =
            QJsonDocument::fromJson(m_store.catalogueJson()).toJson(QJsonDocument::Indented);
        if (file.isEmpty()) {
            std::fwrite(json.constData(), 1, size_t(json.size()), m_out);
            return;
        }
        QFile f(file);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(json) != json.size())
            throw Refused(QStringLiteral("cannot write %1").arg(file).toStdString());
        print(QStringLiteral("catalogue written to %1").arg(file));
    }

    void importCatalogue(const QString &file)
    {
        QFile f(file);
        if (file.isEmpty() || !f.open(QIODevice::ReadOnly))
            throw Refused(QStringLiteral("cannot read %1").arg(file).toStdString());
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(f.read(4 << 20), &error);
        if (!doc.isObject())
            throw Refused(QStringLiteral("%1 is not a JSON object: %2")
                              .arg(file, error.errorString())
                              .toStdString());
        const auto parsed = ApiJson::catalogueFromJson(doc.object());
        if (!parsed)
            throw Refused(
                QStringLiteral("%1: %2").arg(file, parsed.error.toString()).toStdString());
        Catalogue catalogue = *parsed.value;
        catalogue.timeZone = m_store.catalogue().timeZone; // the server's --time-zone decides
        const QString before = QString::fromUtf8(m_store.catalogueJson());
        ServerStore::WriteTransaction transaction(m_store);
        m_store.setCatalogue(catalogue);
        audited(QStringLiteral("catalogue.import"), file, before,
                QString::fromUtf8(m_store.catalogueJson()));
        transaction.commit();
        print(QStringLiteral("catalogue imported: %1 agencies, %2 categories; running servers "
                             "take it within a second")
                  .arg(catalogue.agencies.size())
                  .arg(catalogue.categories.size()));
    }

    // The copy gets an epoch of its own: restored, it sends every desk back
    // to a full synchronisation (410 resync) instead of letting cursors from
    // after the backup skip what it does not hold.
    //
    // The database first, then the photo files its copy names: files never
    // change and are named by their content, so every one the copy names is
    // still there to copy (uploads meanwhile only add files the copy does
    // not name; a "photos gc" at the same time could take one, which is
    // then reported and the backup refused).
    void backup(QStringList args)
    {
        const auto photosTo = takeOption(args, QStringLiteral("--photos-to"));
        args.removeAll(QString());
        const QString file = args.value(0);
        if (args.size() != 1 || file.startsWith(QLatin1String("--")))
            throw std::invalid_argument("backup FILE [--photos-to DIR]");
        m_store.backupTo(file);
        QString photos;
        {
            const std::unique_ptr<ServerStore> copy =
                ServerStore::open(file, photosTo.value_or(QString()));
            copy->newEpoch();
            copy->appendAudit({0,
                               QDateTime::currentDateTimeUtc(),
                               who(),
                               QStringLiteral("backup.taken"),
                               file,
                               {},
                               copy->epoch()});
            photos = admin::backupPhotos(m_store, *copy, photosTo);
        }
        audited(QStringLiteral("backup"), file, {}, photosTo.value_or(QString()));
        print(QStringLiteral("backup written to %1").arg(file));
        print(photos);
    }

    void restored()
    {
        const QString before = m_store.epoch();
        ServerStore::WriteTransaction transaction(m_store);
        m_store.newEpoch();
        audited(QStringLiteral("restored"), QStringLiteral("epoch"), before, m_store.epoch());
        transaction.commit();
        print(QStringLiteral("new epoch %1: desks synchronise afresh").arg(m_store.epoch()));
    }

    void listAudit(QStringList args)
    {
        args.removeAll(QString());
        const int limit =
            takeOption(args, QStringLiteral("--limit")).value_or(QStringLiteral("50")).toInt();
        if (limit < 1 || !args.isEmpty())
            throw std::invalid_argument("audit [--limit N]");
        for (const auto &e : m_store.audit(limit)) {
            print(QStringLiteral("%1\t%2\t%3\t%4\t%5\t%6 -> %7")
                      .arg(e.id)
                      .arg(ApiJson::formatTime(e.at), e.actor, e.action, e.subject,
                           e.before.isEmpty() ? QStringLiteral("-") : e.before,
                           e.after.isEmpty() ? QStringLiteral("-") : e.after));
        }
    }

    ServerStore &m_store;
    FILE *m_in;
    FILE *m_out;
};

} // namespace

int runAdmin(const QStringList &arguments, FILE *in, FILE *out, FILE *err)
{
    QStringList args = arguments;
    try {
        const auto data = takeOption(args, QStringLiteral("--data"));
        const auto database = takeOption(args, QStringLiteral("--database"));
        const auto photos = takeOption(args, QStringLiteral("--photos"));
        const bool oneWord =
            args.value(0) == QLatin1String("audit") || args.value(0) == QLatin1String("restored");
        if ((!data && !database) || args.size() < 2 - int(oneWord))
            throw std::invalid_argument("");
        const QString where =
            database ? *database : QDir(*data).filePath(QStringLiteral("server.sqlite"));
        if (!database && !QFile::exists(where))
            throw Refused(QStringLiteral("%1 does not exist").arg(where).toStdString());
        // As the server: the default photos folder is beside SQLite data only.
        const QString photosDir = photos ? *photos
                                  : data && !ServerStore::isPostgres(where)
                                      ? QDir(*data).filePath(QStringLiteral("photos"))
                                      : QString();
        const std::unique_ptr<ServerStore> store = ServerStore::open(where, photosDir);
        Admin(*store, in, out).run(args);
        return 0;
    } catch (const std::invalid_argument &error) {
        if (*error.what())
            std::fprintf(err, "regiondesk-server admin: %s\n", error.what());
        std::fprintf(err, Usage, admin::CatalogueUsage, admin::PhotosUsage);
        return 2;
    } catch (const std::exception &error) {
        std::fprintf(err, "regiondesk-server admin: %s\n", error.what());
        return 1;
    }
}

} // namespace rd::server

namespace rd::server::admin {

std::optional<QString> takeOption(QStringList &args, const QString &name)
{
    const qsizetype i = args.indexOf(name);
    if (i < 0)
        return std::nullopt;
    if (i + 1 >= args.size())
        throw Refused(QStringLiteral("%1 needs a value").arg(name));
    const QString value = args.at(i + 1);
    args.remove(i, 2);
    return value;
}

bool takeFlag(QStringList &args, const QString &name)
{
    return args.removeAll(name) > 0;
}

QString who()
{
    const QString user = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
    return (user.isEmpty() ? QStringLiteral("unknown") : user) + QStringLiteral(" (admin)");
}

void audit(ServerStore &store, const QString &action, const QString &subject, const QString &before,
           const QString &after)
{
    store.appendAudit({0, QDateTime::currentDateTimeUtc(), who(), action, subject, before, after});
}

void print(FILE *out, const QString &line)
{
    std::fprintf(out, "%s\n", line.toUtf8().constData());
}

} // namespace rd::server::admin
