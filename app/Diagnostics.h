#pragma once

#include <QString>
#include <QStringList>

class QSettings;

namespace rd {

struct SyncStatus;

// The text a clerk pastes into a support ticket (Help ▸ Copy diagnostics):
// version and platform, where the data lives, the administrator's locked
// settings, the user's settings without anything secret or bulky, the
// synchronisation state and the last log lines (with anything that looks
// like a token or password blanked).
struct DiagnosticsInput
{
    QString cachePath;
    QString logPath;
    QStringList lockedKeys;
    QStringList policySources;
    const SyncStatus *sync = nullptr;
    QString signedInAs;
    QStringList logLines;
};

QString diagnosticsText(const QSettings &settings, const DiagnosticsInput &input);
// Blanks tokens, passwords and Authorization headers in one line.
QString redactSecrets(QString line);
// Blanks what looks like a citizen's e-mail address or phone number in one
// line: the log's (and so the diagnostics' and stderr's) second line of
// defence. The first is that no code logs a complaint's author, contacts or
// text (docs/deployment.md, "Personal data").
QString redactPersonal(QString line);

} // namespace rd
