#include "QueueItemDelegate.h"

#include "QueueModel.h"
#include "Theme.h"

#include <QPalette>
#include <QStyle>

namespace rd {

void QueueItemDelegate::initStyleOption(QStyleOptionViewItem *option,
                                        const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (option->state & QStyle::State_Selected) {
        // The open complaint's row stays marked in full colour while the
        // focus is in the answer editor or another window (several styles
        // draw an unfocused or inactive selection in a grey close to white).
        option->state |= QStyle::State_Active;
        for (const auto role : {QPalette::Highlight, QPalette::HighlightedText})
            option->palette.setColor(QPalette::Inactive, role,
                                     option->palette.color(QPalette::Active, role));
    }
    if (index.column() == QueueModel::DueColumn && index.data(QueueModel::OverdueRole).toBool()) {
        option->palette.setColor(QPalette::Text,
                                 toneColor(Tone::Alert, option->palette, QPalette::Base));
        option->font.setBold(true);
    } else if (index.column() == QueueModel::DueColumn &&
               index.data(QueueModel::DueSoonRole).toBool()) {
        option->palette.setColor(QPalette::Text,
                                 toneColor(Tone::Warning, option->palette, QPalette::Base));
    }
}

} // namespace rd
