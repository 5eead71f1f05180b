import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

const keyOf = (org: string) => `soviet.receipts.${org}`;

/** The receipts this browser keeps for an organisation, by the vote's subject id. */
export function loadReceipts(org: string): Record<string, string> {
  try {
    const value: unknown = JSON.parse(window.localStorage.getItem(keyOf(org)) ?? '{}');
    if (typeof value !== 'object' || value === null) return {};
    return Object.fromEntries(
      Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'),
    );
  } catch {
    return {};
  }
}

/**
 * Keeps a secret ballot's receipt in this browser (RECORD.md: the voter alone gets it;
 * after the close the published ballots are listed under their receipts). The member is
 * also shown it to copy or download: storage may be cleared.
 */
export function saveReceipt(org: string, subjectId: string, receipt: string): void {
  try {
    const all = loadReceipts(org);
    all[subjectId] = receipt;
    window.localStorage.setItem(keyOf(org), JSON.stringify(all));
  } catch {
    // Storage refused: the member still has the receipt on screen to copy or download.
  }
}

/** A receipt: shown, copyable and downloadable. */
export function ReceiptPanel({
  receipt,
  what,
  fileName,
}: {
  receipt: string;
  what: string;
  fileName: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [copied, setCopied] = useState(false);
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const blob = new Blob([`${what}\n${t('receipt.label')}: ${receipt}\n`], {
      type: 'text/plain',
    });
    const made = URL.createObjectURL(blob);
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [receipt, what, t]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(receipt);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <section className="card receipt" aria-labelledby={id}>
      <h3 id={id}>{t('receipt.title')}</h3>
      <p>{t('receipt.explain')}</p>
      <p className="receipt__value mono" data-testid="receipt">
        {receipt}
      </p>
      <div className="button-row">
        <button type="button" className="button button--secondary" onClick={() => void copy()}>
          {t('receipt.copy')}
        </button>
        {url ? (
          <a className="button button--secondary" href={url} download={fileName}>
            {t('receipt.download')}
          </a>
        ) : null}
      </div>
      <p aria-live="polite" className="muted">
        {copied ? t('receipt.copied') : ''}
      </p>
    </section>
  );
}
