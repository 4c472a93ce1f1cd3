#include "DemoSeeder.h"

#include "DemoGenerator.h"
#include "GeographyService.h"
#include "OmskGeography.h"
#include "ServerStore.h"

namespace rd::server {

QStringList seedDemo(ServerStore &store, int count, quint32 seed, const QDateTime &now)
{
    ServerStore::WriteTransaction transaction(store);
    store.setCatalogue(demo::DemoGenerator::catalogue());
    GeographyService::publish(store, demo::omskGeography());
    struct DemoUser
    {
        const char *login;
        const char *name;
        Role role;
        std::optional<int> agency;
    };
    const DemoUser users[] = {
        {"moderator", "Анна Белова", Role::Moderator, std::nullopt},
        {"clerk", "Игорь Петров", Role::Clerk, 1},
        {"clerk2", "Ольга Смирнова", Role::Clerk, 5},
        {"supervisor", "Сергей Васильев", Role::Supervisor, 1},
        {"chief", "Елена Кузнецова", Role::Supervisor, std::nullopt},
    };
    QStringList lines;
    const Catalogue catalogue = store.catalogue();
    for (const DemoUser &u : users) {
        store.addUser(QString::fromLatin1(u.login), QString::fromUtf8(u.name), u.role, u.agency,
                      QStringLiteral("demo"));
        QString agency = QStringLiteral("all agencies");
        for (const Agency &a : catalogue.agencies)
            if (u.agency && a.id == *u.agency)
                agency = a.name;
        lines.append(QStringLiteral("  %1 / demo  — %2, %3 (%4)")
                         .arg(QString::fromLatin1(u.login), QString::fromUtf8(u.name),
                              toCode(u.role), agency));
    }
    demo::DemoGenerator generator(seed, now);
    for (const demo::DemoComplaint &d : generator.generate(count)) {
        QList<Photo> photos = d.photos;
        for (Photo &p : photos)
            p.mimeType = QStringLiteral("image/png"); // drawn by PngWriter on request
        for (const Photo &p : photos)
            store.addPhoto({p.id, p.complaintId, p.mimeType, p.width, p.height, 0, p.evidence}, {},
                           now);
        for (Photo &p : photos)
            p.bytes = 0;
        store.write(d.complaint, photos);
        for (const HistoryEntry &h : d.history)
            store.appendHistory(h.complaintId, h.at, h.actor, h.action, h.oldValue, h.newValue,
                                h.comment);
    }
    transaction.commit();
    return lines;
}

} // namespace rd::server
