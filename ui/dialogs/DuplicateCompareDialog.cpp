#include "DuplicateCompareDialog.h"

#include "DateText.h"
#include "FlowLayout.h"
#include "QueueModel.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGeoCoordinate>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace rd {

namespace {

constexpr QSize ThumbnailSize(120, 90);

QLabel *value(QWidget *parent, const QString &text)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return label;
}

QString distanceText(double metres)
{
    return metres < 1000 ? DuplicateCompareDialog::tr("%1 m").arg(qRound(metres))
                         : DuplicateCompareDialog::tr("%1 km").arg(metres / 1000.0, 0, 'f', 1);
}

// "3 days earlier", "the same day", "2 days later": when one was filed
// against the other.
QString filedAgainst(const QDateTime &one, const QDateTime &other)
{
    const qint64 days = other.toLocalTime().date().daysTo(one.toLocalTime().date());
    if (days == 0)
        return DuplicateCompareDialog::tr("the same day");
    return days < 0 ? DuplicateCompareDialog::tr("%n day(s) earlier", nullptr, int(-days))
                    : DuplicateCompareDialog::tr("%n day(s) later", nullptr, int(days));
}

} // namespace

DuplicateCompareDialog::DuplicateCompareDialog(const Side &subject, const Side &original,
                                               const Catalogue &catalogue, QWidget *parent)
    : QDialog(parent)
    , m_catalogue(catalogue)
    , m_subjectId(subject.complaint.id)
    , m_originalId(original.complaint.id)
{
    setObjectName(QStringLiteral("duplicateCompareDialog"));
    setWindowTitle(tr("Is No. %1 a duplicate of No. %2?").arg(m_subjectId).arg(m_originalId));
    const QGeoCoordinate a(subject.complaint.latitude, subject.complaint.longitude);
    const QGeoCoordinate b(original.complaint.latitude, original.complaint.longitude);
    auto *apart = new QLabel(
        tr("%1 apart; filed %2.")
            .arg(distanceText(a.distanceTo(b)),
                 filedAgainst(subject.complaint.createdAt, original.complaint.createdAt)),
        this);
    apart->setObjectName(QStringLiteral("compareSummary"));
    apart->setWordWrap(true);
    auto *columns = new QHBoxLayout;
    columns->addWidget(column(tr("This complaint: No. %1").arg(m_subjectId), subject, original), 1);
    columns->addWidget(column(tr("Possible original: No. %1").arg(m_originalId), original, subject),
                       1);
    auto *buttons = new QDialogButtonBox(this);
    QPushButton *mark = buttons->addButton(
        tr("&Mark No. %1 as a duplicate of No. %2").arg(m_subjectId).arg(m_originalId),
        QDialogButtonBox::AcceptRole);
    mark->setObjectName(QStringLiteral("compareMarkDuplicate"));
    mark->setDefault(true);
    QPushButton *notDuplicate =
        buttons->addButton(tr("&Not a duplicate: close"), QDialogButtonBox::RejectRole);
    notDuplicate->setObjectName(QStringLiteral("compareClose"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(apart);
    layout->addLayout(columns, 1);
    layout->addWidget(buttons);
    resize(980, 640);
}

QString DuplicateCompareDialog::categoryName(int id) const
{
    const Category *category = m_catalogue.category(id);
    return category ? category->name : QString::number(id);
}

QWidget *DuplicateCompareDialog::column(const QString &heading, const Side &side, const Side &other)
{
    const Complaint &c = side.complaint;
    auto *box = new QWidget(this);
    box->setObjectName(QStringLiteral("compareColumn_%1").arg(c.id));
    auto *title = new QLabel(heading, box);
    QFont bold = title->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    title->setFont(bold);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("State:"), value(box, QueueModel::stateName(c.state)));
    QString category = categoryName(c.categoryId);
    if (c.categoryId != other.complaint.categoryId)
        category += QStringLiteral(" — ") + tr("another category");
    form->addRow(tr("Category:"), value(box, category));
    form->addRow(tr("Address:"), value(box, c.address));
    form->addRow(tr("Filed:"), value(box, DateText::dateTime(c.createdAt)));
    form->addRow(tr("Votes:"), value(box, QString::number(c.votes)));
    auto *text = new QPlainTextEdit(c.text, box);
    text->setObjectName(QStringLiteral("compareText_%1").arg(c.id));
    text->setReadOnly(true);
    text->setAccessibleName(tr("Text of No. %1").arg(c.id));
    auto *photos = new QWidget(box);
    auto *flow = new FlowLayout(photos);
    flow->setContentsMargins(0, 0, 0, 0);
    for (const Photo &p : side.photos) {
        auto *label = new QLabel(tr("photo"), photos);
        label->setObjectName(QStringLiteral("comparePhoto_") + p.id);
        label->setFixedSize(ThumbnailSize);
        label->setAlignment(Qt::AlignCenter);
        label->setFrameShape(QFrame::StyledPanel);
        flow->addWidget(label);
        m_photoLabels.insert(p.id, label);
        m_photoIds.append(p.id);
    }
    if (side.photos.isEmpty())
        flow->addWidget(value(photos, tr("No photos.")));
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title);
    layout->addLayout(form);
    layout->addWidget(text, 1);
    layout->addWidget(photos);
    return box;
}

void DuplicateCompareDialog::requestPhotos()
{
    for (const QString &id : std::as_const(m_photoIds))
        Q_EMIT photoWanted(id);
}

void DuplicateCompareDialog::setPhoto(const QString &photoId, const QImage &image)
{
    QLabel *label = m_photoLabels.value(photoId);
    if (!label || image.isNull())
        return;
    const qreal dpr = devicePixelRatioF();
    QPixmap pixmap = QPixmap::fromImage(
        image.scaled(ThumbnailSize * dpr, Qt::KeepAspectRatio, Qt::SmoothTransformation));
    pixmap.setDevicePixelRatio(dpr);
    label->setPixmap(pixmap);
}

} // namespace rd
