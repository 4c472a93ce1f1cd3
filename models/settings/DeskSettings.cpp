#include "DeskSettings.h"

#include <QSettings>

#include <algorithm>

namespace rd {

const QString DeskSettings::Key::ServerUrl = QStringLiteral("server/url");
const QString DeskSettings::Key::TlsCaFile = QStringLiteral("tls/caFile");
const QString DeskSettings::Key::MapSource = QStringLiteral("map/source");
const QString DeskSettings::Key::MapUrlTemplate = QStringLiteral("map/urlTemplate");
const QString DeskSettings::Key::MapMbtiles = QStringLiteral("map/mbtiles");
const QString DeskSettings::Key::SyncInterval = QStringLiteral("sync/intervalSeconds");
const QString DeskSettings::Key::SendHold = QStringLiteral("sync/holdSeconds");
const QString DeskSettings::Key::Language = QStringLiteral("ui/language");
const QString DeskSettings::Key::Theme = QStringLiteral("ui/theme");
const QString DeskSettings::Key::LogMaxKilobytes = QStringLiteral("log/maxKilobytes");
const QString DeskSettings::Key::CacheProtection = QStringLiteral("cache/protection");
const QString DeskSettings::Key::CacheRetentionMonths = QStringLiteral("cache/retentionMonths");
const QString DeskSettings::Key::CacheWipeOnSignOut = QStringLiteral("cache/wipeOnSignOut");

namespace {

const QString LastQueueKey = QStringLiteral("desk/lastQueue");
const QString DueSoonKey = QStringLiteral("desk/dueSoonDays");
const QString ConfirmKey = QStringLiteral("desk/confirmModeration");
const QString DetailBelowKey = QStringLiteral("desk/detailBelow");
const QString MapBesideKey = QStringLiteral("desk/mapBeside");
const QString HeatKey = QStringLiteral("map/heat");
const QString RecentServersKey = QStringLiteral("session/recentServers");

QString layoutKey(DeskSettings::Layout part)
{
    switch (part) {
    case DeskSettings::Layout::Geometry:
        return QStringLiteral("desk/geometry");
    case DeskSettings::Layout::State:
        return QStringLiteral("desk/state");
    case DeskSettings::Layout::MainSplitter:
        return QStringLiteral("desk/mainSplitter");
    case DeskSettings::Layout::WorkSplitter:
        return QStringLiteral("desk/workSplitter");
    case DeskSettings::Layout::DetailSplitter:
        return QStringLiteral("desk/detailSplitter");
    case DeskSettings::Layout::CentreSplitter:
        return QStringLiteral("desk/centreSplitter");
    case DeskSettings::Layout::Columns:
        return QStringLiteral("desk/columns");
    }
    return {};
}

} // namespace

QString DeskSettings::language() const
{
    return m_settings.value(Key::Language).toString();
}

void DeskSettings::setLanguage(const QString &code)
{
    m_settings.setValue(Key::Language, code);
}

QString DeskSettings::theme() const
{
    return m_settings.value(Key::Theme).toString();
}

void DeskSettings::setTheme(const QString &key)
{
    m_settings.setValue(Key::Theme, key);
}

int DeskSettings::logMaxKilobytes() const
{
    return m_settings.value(Key::LogMaxKilobytes, 1024).toInt();
}

QString DeskSettings::tlsCaFile() const
{
    return m_settings.value(Key::TlsCaFile).toString();
}

int DeskSettings::syncIntervalSeconds(int fallback) const
{
    return m_settings.value(Key::SyncInterval, fallback).toInt();
}

int DeskSettings::sendHoldSeconds() const
{
    bool ok = false;
    const int seconds = m_settings.value(Key::SendHold).toInt(&ok);
    return ok ? std::clamp(seconds, 0, MaxSendHoldSeconds) : DefaultSendHoldSeconds;
}

void DeskSettings::setSendHoldSeconds(int seconds)
{
    m_settings.setValue(Key::SendHold, std::clamp(seconds, 0, MaxSendHoldSeconds));
}

DeskSettings::MapSource DeskSettings::mapSource() const
{
    if (m_settings.value(Key::MapSource).toString() == QLatin1String("none"))
        return MapSource::None;
    return mapMbtiles().isEmpty() ? MapSource::Online : MapSource::File;
}

QString DeskSettings::mapUrlTemplate() const
{
    return m_settings.value(Key::MapUrlTemplate).toString();
}

QString DeskSettings::mapMbtiles() const
{
    return m_settings.value(Key::MapMbtiles).toString();
}

void DeskSettings::setMapOnline(const QString &urlTemplate)
{
    m_settings.remove(Key::MapSource);
    if (urlTemplate.isEmpty())
        m_settings.remove(Key::MapUrlTemplate);
    else
        m_settings.setValue(Key::MapUrlTemplate, urlTemplate);
    m_settings.remove(Key::MapMbtiles);
}

void DeskSettings::setMapFile(const QString &path)
{
    m_settings.remove(Key::MapSource);
    m_settings.setValue(Key::MapMbtiles, path);
}

void DeskSettings::setMapNone()
{
    m_settings.setValue(Key::MapSource, QStringLiteral("none"));
}

int DeskSettings::mapHeat() const
{
    return m_settings.value(HeatKey, 0).toInt();
}

void DeskSettings::setMapHeat(int heat)
{
    m_settings.setValue(HeatKey, heat);
}

int DeskSettings::dueSoonDays() const
{
    return m_settings.value(DueSoonKey, 3).toInt();
}

QString DeskSettings::lastQueue() const
{
    return m_settings.value(LastQueueKey).toString();
}

void DeskSettings::setLastQueue(const QString &key)
{
    m_settings.setValue(LastQueueKey, key);
}

bool DeskSettings::confirmModeration() const
{
    return m_settings.value(ConfirmKey, true).toBool();
}

void DeskSettings::setConfirmModeration(bool confirm)
{
    m_settings.setValue(ConfirmKey, confirm);
}

bool DeskSettings::detailBelow() const
{
    return m_settings.value(DetailBelowKey, false).toBool();
}

void DeskSettings::setDetailBelow(bool below)
{
    m_settings.setValue(DetailBelowKey, below);
}

bool DeskSettings::mapBeside() const
{
    return m_settings.value(MapBesideKey, false).toBool();
}

void DeskSettings::setMapBeside(bool beside)
{
    m_settings.setValue(MapBesideKey, beside);
}

QByteArray DeskSettings::layout(Layout part) const
{
    return m_settings.value(layoutKey(part)).toByteArray();
}

void DeskSettings::setLayout(Layout part, const QByteArray &state)
{
    m_settings.setValue(layoutKey(part), state);
}

DeskSettings::LastSession DeskSettings::lastSession() const
{
    LastSession s;
    s.server = QUrl(m_settings.value(QStringLiteral("session/server")).toString());
    s.login = m_settings.value(QStringLiteral("session/login")).toString();
    s.userId = m_settings.value(QStringLiteral("session/userId")).toLongLong();
    s.displayName = m_settings.value(QStringLiteral("session/displayName")).toString();
    s.role = roleFromCode(m_settings.value(QStringLiteral("session/role")).toString());
    const QVariant agency = m_settings.value(QStringLiteral("session/agencyId"));
    if (agency.isValid() && !agency.isNull())
        s.agencyId = agency.toLongLong();
    s.expiresAt = m_settings.value(QStringLiteral("session/expiresAt")).toDateTime();
    return s;
}

void DeskSettings::setLastSession(const LastSession &s)
{
    m_settings.setValue(QStringLiteral("session/server"), s.server.toString());
    m_settings.setValue(QStringLiteral("session/login"), s.login);
    m_settings.setValue(QStringLiteral("session/userId"), s.userId);
    m_settings.setValue(QStringLiteral("session/displayName"), s.displayName);
    m_settings.setValue(QStringLiteral("session/role"), s.role ? toCode(*s.role) : QString());
    m_settings.setValue(QStringLiteral("session/agencyId"),
                        s.agencyId ? QVariant(*s.agencyId) : QVariant());
    m_settings.setValue(QStringLiteral("session/expiresAt"), s.expiresAt);
}

void DeskSettings::forgetSessionExpiry()
{
    m_settings.remove(QStringLiteral("session/expiresAt"));
}

QStringList DeskSettings::recentServers() const
{
    return m_settings.value(RecentServersKey).toStringList();
}

void DeskSettings::addRecentServer(const QUrl &server)
{
    QStringList servers = recentServers();
    servers.removeAll(server.toString());
    servers.prepend(server.toString());
    m_settings.setValue(RecentServersKey, servers.mid(0, 8));
}

} // namespace rd
