// The complaint pane's history names the citizen only when the server sent
// the name: to a clerk the server leaves the actor of the citizen's own
// entries empty (docs/api.md), and the pane says "the applicant".

#include "ComplaintView.h"

#include <QTest>
#include <QTreeWidget>

using namespace rd;

class TestComplaintViewHistory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void anEmptyActorIsTheApplicant()
    {
        ComplaintView view;
        const QDateTime at =
            QDateTime::fromString(QStringLiteral("2026-11-30T10:00:00Z"), Qt::ISODate);
        view.setHistory(
            {{7, 1, at, QString(), QStringLiteral("file"), {}, QStringLiteral("Яма у дома"), {}},
             {7, 2, at, QStringLiteral("Анна Белова"), QStringLiteral("publish"), {}, {}, {}}});
        auto *tree = view.findChild<QTreeWidget *>(QStringLiteral("historyTree"));
        QVERIFY(tree);
        QCOMPARE(tree->topLevelItemCount(), 2);
        QCOMPARE(tree->topLevelItem(0)->text(1), QStringLiteral("the applicant"));
        QCOMPARE(tree->topLevelItem(1)->text(1), QStringLiteral("Анна Белова"));
    }
};

QTEST_MAIN(TestComplaintViewHistory)
#include "tst_complaintviewhistory.moc"
