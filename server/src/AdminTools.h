#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <cstdio>
#include <optional>
#include <stdexcept>

namespace rd::server {

class ServerStore;

namespace admin {

// A command refused with a reason (exit status 1).
struct Refused : std::runtime_error
{
    using std::runtime_error::runtime_error;
    explicit Refused(const QString &why)
        : std::runtime_error(why.toStdString())
    {}
};

// Takes "--name value" out of args; empty optional if absent.
std::optional<QString> takeOption(QStringList &args, const QString &name);
bool takeFlag(QStringList &args, const QString &name);
// Who runs the command, as the audit log names them: the operating-system user.
QString who();
void audit(ServerStore &store, const QString &action, const QString &subject, const QString &before,
           const QString &after);
void print(FILE *out, const QString &line);

// agencies, categories, refusal-grounds, reject-reasons, deadlines
// (AdminCatalogue.cpp). False if what is none of them.
bool runCatalogueCommand(ServerStore &store, const QString &what, const QString &command,
                         QStringList args, FILE *out);
extern const char *const CatalogueUsage;

// photos gc, photos check (AdminPhotos.cpp). False if what is not "photos".
bool runPhotosCommand(ServerStore &store, const QString &what, const QString &command,
                      QStringList args, FILE *out);
extern const char *const PhotosUsage;
// The photo files a backup's database copy names: copied from live's folder
// into photosTo, checked (Refused if any cannot be), or, without photosTo,
// a line saying how many there are and where.
QString backupPhotos(const ServerStore &live, ServerStore &copy,
                     const std::optional<QString> &photosTo);

} // namespace admin
} // namespace rd::server
