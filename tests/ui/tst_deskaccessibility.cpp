// Accessibility of the desk (issue 23, "Also"), in the real window against
// the reference server, for each role: Tab reaches every control that
// takes the keyboard, each once, pane by pane in reading order (queues,
// filters, list, complaint, answer); every control in the focus chain and
// every interactive node of the accessibility tree has a name and a
// description; the system's font size is what the window's text is drawn
// in; and the tone colours stay readable on high-contrast palettes.

#include "DeskShell.h"
#include "DeskTestSupport.h"
#include "DeskWindow.h"
#include "TestServer.h"
#include "Theme.h"

#include <QAbstractButton>
#include <QAccessible>
#include <QApplication>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QSettings>
#include <QStandardPaths>
#include <QTabBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace rd;
using namespace rd::test;

namespace {

QString describe(const QWidget *w)
{
    return QStringLiteral("%1 \"%2\"")
        .arg(QString::fromLatin1(w->metaObject()->className()), w->objectName());
}

bool takesTab(const QWidget *w)
{
    return (w->focusPolicy() & Qt::TabFocus) && w->isVisible() && w->isEnabled() &&
           !w->focusProxy();
}

} // namespace

class TestDeskAccessibility : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    QTemporaryDir m_home;
    int m_shells = 0;

    struct Desk
    {
        std::unique_ptr<QSettings> settings;
        std::unique_ptr<DeskShell> shell;
    };
    Desk open(const QString &login)
    {
        Desk desk;
        const QString name = QStringLiteral("%1-%2").arg(login).arg(++m_shells);
        desk.settings = std::make_unique<QSettings>(m_home.filePath(name + QStringLiteral(".ini")),
                                                    QSettings::IniFormat);
        desk.shell = openSyncedShell(*desk.settings,
                                     deskOptions(m_server->baseUrl(), login,
                                                 m_home.filePath(QStringLiteral("data-") + name)));
        if (desk.shell) {
            DeskWindow *w = desk.shell->window();
            w->resize(1366, 768);
            w->show();
            w->activateWindow();
            if (!QTest::qWaitForWindowActive(w))
                qWarning("the window is not active: Tab may not move the focus");
        }
        return desk;
    }

    // The widgets Tab visits from the queue list, in order, until it comes
    // back round (at most limit presses).
    static QList<QWidget *> tabChain(DeskWindow *w, int limit = 200)
    {
        QWidget *first = child<QListWidget>(w, "queueList");
        first->setFocus(Qt::TabFocusReason);
        QList<QWidget *> visited{first};
        for (int i = 0; i < limit; ++i) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            QWidget *now = QApplication::focusWidget();
            if (!now || now == first)
                break;
            if (now == visited.last())
                continue; // Tab through a date's day, month and year, then out
            if (visited.contains(now)) {
                visited.append(now); // a loop that never comes back: reported
                break;
            }
            visited.append(now);
        }
        return visited;
    }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("HOME", m_home.path().toUtf8());
        qunsetenv("DBUS_SESSION_BUS_ADDRESS");
        QStandardPaths::setTestModeEnabled(true);
        m_server = std::make_unique<TestServer>(200);
        QVERIFY(m_server->isRunning());
    }

    void tabReachesEveryControlInOrder_data()
    {
        QTest::addColumn<QString>("login");
        QTest::newRow("clerk") << QStringLiteral("clerk");
        QTest::newRow("moderator") << QStringLiteral("moderator");
        QTest::newRow("supervisor") << QStringLiteral("supervisor");
    }
    void tabReachesEveryControlInOrder()
    {
        QFETCH(QString, login);
        Desk desk = open(login);
        QVERIFY(desk.shell);
        DeskWindow *w = desk.shell->window();
        const QList<QWidget *> chain = tabChain(w);
        QStringList twice;
        for (QWidget *c : chain) {
            if (chain.count(c) > 1)
                twice << describe(c);
        }
        QVERIFY2(twice.isEmpty(), qPrintable(twice.join(QStringLiteral(", "))));
        // Every control the window shows that takes Tab is in the chain.
        QStringList missed;
        for (QWidget *c : w->findChildren<QWidget *>()) {
            if (c->window() == w && takesTab(c) && !chain.contains(c))
                missed << describe(c);
        }
        QVERIFY2(missed.isEmpty(), qPrintable(missed.join(QStringLiteral(", "))));
        // Pane by pane, as the window reads: queues, search, list, answer.
        const auto at = [&](QWidget *c) { return chain.indexOf(c); };
        const int search = at(child<QLineEdit>(w, "searchEdit"));
        const int table = at(w->findChild<QTableView *>(QStringLiteral("queueTable")));
        // The complaint's own work: the answer, or a moderator's decision.
        QWidget *work = login == QLatin1String("moderator")
                            ? static_cast<QWidget *>(child<QWidget>(w, "moderationPanel"))
                            : child<QPlainTextEdit>(w, "answerText");
        int answer = -1;
        for (int i = 0; i < chain.size() && answer < 0; ++i) {
            if (chain[i] == work || work->isAncestorOf(chain[i]))
                answer = i;
        }
        QVERIFY2(search > 0 && table > search && answer > table,
                 qPrintable(QStringLiteral("search %1, list %2, answer %3")
                                .arg(search)
                                .arg(table)
                                .arg(answer)));
        // Each control in it is named and described for a screen reader.
        // (A tab bar is described by its tabs, each its own node.)
        QStringList unnamed;
        QStringList undescribed;
        const auto check = [&](QWidget *c) {
            QAccessibleInterface *a = QAccessible::queryAccessibleInterface(c);
            if (!a)
                return;
            const bool tabs = a->role() == QAccessible::PageTabList;
            for (int i = 0; i < (tabs ? a->childCount() : 1); ++i) {
                QAccessibleInterface *node = tabs ? a->child(i) : a;
                if (tabs && node && node->role() != QAccessible::PageTab)
                    continue; // the bar's scroll buttons, Qt's own
                const QString what =
                    tabs ? describe(c) + QStringLiteral(" tab %1").arg(i) : describe(c);
                if (!node || node->text(QAccessible::Name).trimmed().isEmpty())
                    unnamed << what;
                if (!node || node->text(QAccessible::Description).trimmed().isEmpty())
                    undescribed << what;
            }
        };
        for (QWidget *c : chain)
            check(c);
        // A moderator's decisions on the pages not shown are described too.
        if (login == QLatin1String("moderator")) {
            for (QWidget *c : work->findChildren<QWidget *>()) {
                if ((c->focusPolicy() & Qt::TabFocus) && !chain.contains(c) && !c->focusProxy() &&
                    c->window() == w && !qobject_cast<QTabBar *>(c->parentWidget()))
                    check(c);
            }
        }
        QVERIFY2(unnamed.isEmpty(),
                 qPrintable(QStringLiteral("no name: ") + unnamed.join(QStringLiteral(", "))));
        QVERIFY2(undescribed.isEmpty(), qPrintable(QStringLiteral("no description: ") +
                                                   undescribed.join(QStringLiteral(", "))));
    }

    // The tree a screen reader walks: every node that can be acted on has
    // a name, and every child knows its parent.
    void theAccessibilityTreeIsNamed()
    {
        Desk desk = open(QStringLiteral("moderator"));
        QVERIFY(desk.shell);
        QAccessibleInterface *root = QAccessible::queryAccessibleInterface(desk.shell->window());
        QVERIFY(root);
        QStringList unnamed;
        QStringList orphans;
        int nodes = 0;
        const QList<QAccessible::Role> acted{
            QAccessible::PushButton, QAccessible::CheckBox,       QAccessible::RadioButton,
            QAccessible::ComboBox,   QAccessible::SpinBox,        QAccessible::EditableText,
            QAccessible::List,       QAccessible::Table,          QAccessible::PageTab,
            QAccessible::ButtonMenu, QAccessible::ButtonDropDown, QAccessible::Slider};
        std::function<void(QAccessibleInterface *, int)> walk = [&](QAccessibleInterface *node,
                                                                    int depth) {
            if (depth > 40 || nodes > 20000)
                return;
            for (int i = 0; i < node->childCount(); ++i) {
                QAccessibleInterface *c = node->child(i);
                if (!c || !c->isValid())
                    continue;
                ++nodes;
                if (c->parent() != node)
                    orphans << c->text(QAccessible::Name);
                const bool shown = !c->state().invisible && !c->state().offscreen;
                if (shown && acted.contains(c->role()) &&
                    c->text(QAccessible::Name).trimmed().isEmpty()) {
                    QObject *o = c->object();
                    unnamed << (o ? QStringLiteral("%1 \"%2\"")
                                        .arg(QString::fromLatin1(o->metaObject()->className()),
                                             o->objectName())
                                  : QStringLiteral("role %1").arg(int(c->role())));
                }
                // Table cells and list rows are data, named by their text.
                if (c->role() != QAccessible::Table && c->role() != QAccessible::List)
                    walk(c, depth + 1);
            }
        };
        walk(root, 0);
        QVERIFY(nodes > 50);
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));
        QVERIFY2(orphans.isEmpty(), qPrintable(orphans.join(QStringLiteral(", "))));
    }

    // The system's font size (here: half again as large) is what the text
    // is drawn in: no control fixes its own smaller size.
    void theSystemFontSizeIsUsed()
    {
        const QFont before = QApplication::font();
        QFont large = before;
        large.setPointSizeF(before.pointSizeF() * 1.5);
        QApplication::setFont(large);
        Desk desk = open(QStringLiteral("clerk"));
        QVERIFY(desk.shell);
        DeskWindow *w = desk.shell->window();
        QStringList smaller;
        for (QWidget *c : w->findChildren<QWidget *>()) {
            if (c->isVisible() && c->font().pointSizeF() < large.pointSizeF() - 0.01)
                smaller << QStringLiteral("%1 %2pt").arg(describe(c)).arg(c->font().pointSizeF());
        }
        desk.shell.reset();
        QApplication::setFont(before);
        QVERIFY2(smaller.isEmpty(), qPrintable(smaller.join(QStringLiteral(", "))));
    }

    // The tones (overdue, errors, due soon) keep WCAG AA contrast on the
    // window and in fields whatever the palette: light, dark and the
    // high-contrast schemes (black on white, white on black, and the one
    // with dark windows and light fields).
    void tonesStayReadableOnHighContrast_data()
    {
        QTest::addColumn<QColor>("window");
        QTest::addColumn<QColor>("base");
        QTest::addColumn<QColor>("text");
        QTest::newRow("light") << QColor(0xef, 0xef, 0xef) << QColor(Qt::white)
                               << QColor(Qt::black);
        QTest::newRow("dark") << QColor(0x2b, 0x2d, 0x30) << QColor(0x1e, 0x1f, 0x22)
                              << QColor(0xe6, 0xe6, 0xe6);
        QTest::newRow("high contrast black")
            << QColor(Qt::black) << QColor(Qt::black) << QColor(Qt::white);
        QTest::newRow("high contrast white")
            << QColor(Qt::white) << QColor(Qt::white) << QColor(Qt::black);
        QTest::newRow("dark window, light fields")
            << QColor(0x20, 0x20, 0x20) << QColor(Qt::white) << QColor(Qt::yellow);
        QTest::newRow("mid grey") << QColor(0x80, 0x80, 0x80) << QColor(0x80, 0x80, 0x80)
                                  << QColor(Qt::black);
    }
    void tonesStayReadableOnHighContrast()
    {
        QFETCH(QColor, window);
        QFETCH(QColor, base);
        QFETCH(QColor, text);
        QPalette p;
        p.setColor(QPalette::Window, window);
        p.setColor(QPalette::Base, base);
        p.setColor(QPalette::WindowText, text);
        p.setColor(QPalette::Text, contrastRatio(text, base) >= 4.5 ? text : QColor(Qt::black));
        for (const Tone tone : {Tone::Alert, Tone::Warning}) {
            const QColor onWindow = toneColor(tone, p);
            const QColor onBase = toneColor(tone, p, QPalette::Base);
            QVERIFY2(contrastRatio(onWindow, window) >= 4.5 && contrastRatio(onBase, base) >= 4.5,
                     qPrintable(QStringLiteral("%1 on %2, %3 on %4: %5, %6")
                                    .arg(onWindow.name(), window.name(), onBase.name(), base.name())
                                    .arg(contrastRatio(onWindow, window), 0, 'f', 2)
                                    .arg(contrastRatio(onBase, base), 0, 'f', 2)));
            // Where a red can be read, it is red (or amber), not the text colour.
            if (window == QColor(Qt::white) || window == QColor(Qt::black))
                QVERIFY(onWindow != p.color(QPalette::WindowText));
        }
    }
};

QTEST_MAIN(TestDeskAccessibility)
#include "tst_deskaccessibility.moc"
