#include "QueueItemDelegate.h"

#include "QueueModel.h"

#include <QPalette>

namespace rd {

void QueueItemDelegate::initStyleOption(QStyleOptionViewItem *option,
                                        const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (index.column() == QueueModel::DueColumn && index.data(QueueModel::OverdueRole).toBool()) {
        const bool dark = option->palette.color(QPalette::Base).lightness() < 128;
        option->palette.setColor(QPalette::Text,
                                 dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb0, 0x00, 0x20));
        option->font.setBold(true);
    } else if (index.column() == QueueModel::DueColumn &&
               index.data(QueueModel::DueSoonRole).toBool()) {
        const bool dark = option->palette.color(QPalette::Base).lightness() < 128;
        option->palette.setColor(QPalette::Text,
                                 dark ? QColor(0xff, 0xc8, 0x57) : QColor(0x9a, 0x5b, 0x00));
    }
}

} // namespace rd
