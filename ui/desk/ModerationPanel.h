#pragma once

#include "ActionRules.h"
#include "Catalogue.h"
#include "Complaint.h"
#include "Parsed.h"

#include <QJsonObject>
#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTreeWidget;

namespace rd {

class ComplaintStore;
class QueueReader;

// The moderator's tools for one complaint: publish (category and agency,
// suggested from the category's default), reject (a standard reason and
// text), mark duplicate (same-category complaints nearby, nearest first,
// and a free search), re-route, redact, and return a published, rejected or
// duplicate complaint to moderation (with a reason, when the decision was
// wrong and already sent). The panel only gathers the fields; the window
// confirms, queues the action and moves on.
class ModerationPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ModerationPanel)
public:
    ModerationPanel(ComplaintStore &store, QueueReader &queue, QWidget *parent = nullptr);

    // The moderation actions (docs/api.md), in the order of the panel's tabs
    // and the window's moderation menu.
    static const QStringList &actionCodes();

    void setCatalogue(const Catalogue &catalogue);
    void setComplaint(const std::optional<Complaint> &complaint);

    // Whether the action applies to the complaint's state.
    bool allows(const QString &action) const;
    // The action's fields, or what is missing.
    Parsed<QJsonObject> fields(const QString &action) const;
    // Shows the action's page and puts the cursor where the moderator decides.
    void focusAction(const QString &action);
    // The question before return_to_moderation: what will happen to the
    // complaint, and with which reason.
    QString returnQuestion(const QJsonObject &fields) const;
    double radiusMetres() const;
    // The complaint chosen as the original on the duplicate page (0: none),
    // and choosing one (the compare dialog's).
    qint64 chosenOriginal() const;
    void chooseOriginal(qint64 id);

Q_SIGNALS:
    void actionRequested(const QString &action);
    void complaintActivated(qint64 id); // open a neighbour from the nearby list
    void compareRequested(qint64 originalId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // A combo box as narrow as a short name (ModerationPanelPages.cpp).
    static QComboBox *compactCombo(QWidget *parent);
    QWidget *buildPublish();
    QWidget *buildReject();
    QWidget *buildDuplicate();
    QWidget *buildReroute(); // these three: ModerationPanelPages.cpp
    QWidget *buildRedact();
    QWidget *buildReturn();
    QString returnEffect() const; // what returning the current complaint does
    void suggestAgency();
    void findNearby();
    void fillAgencies(QComboBox *combo);
    QPushButton *actionButton(const QString &text, const char *name, const QString &action);

    ComplaintStore &m_store;
    QueueReader &m_queue;
    Catalogue m_catalogue;
    std::optional<Complaint> m_complaint;
    QTabWidget *m_tabs = nullptr;
    QComboBox *m_publishCategory = nullptr;
    QComboBox *m_publishAgency = nullptr;
    QComboBox *m_rejectReason = nullptr;
    QPlainTextEdit *m_rejectText = nullptr;
    QPushButton *m_rejectButton = nullptr;
    QSpinBox *m_radius = nullptr;
    QLineEdit *m_duplicateSearch = nullptr;
    QTreeWidget *m_nearby = nullptr;
    QLabel *m_nearbyNotice = nullptr;
    QComboBox *m_rerouteAgency = nullptr;
    QLineEdit *m_rerouteReason = nullptr;
    QPlainTextEdit *m_redactText = nullptr;
    QLineEdit *m_redactReason = nullptr;
    QLabel *m_returnEffect = nullptr;
    QPlainTextEdit *m_returnReason = nullptr;
};

} // namespace rd
