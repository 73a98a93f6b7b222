import type { Contact } from '@cited/content';
import * as styles from '../styles/list.css';

/**
 * A definition list of the contact details a record holds (telephone, email, address, website), in
 * that order, each a link where it can be one. Renders nothing when there is none: details are
 * never invented.
 */
export function ContactDetails({ contact }: { contact: Contact }) {
  const { telephone, email, address, url } = contact;
  if (!telephone && !email && !address && !url) return null;
  return (
    <dl className={styles.details}>
      {telephone ? (
        <div>
          <dt>Telephone</dt>
          <dd>
            <a href={`tel:${telephone.replace(/[^\d+]/g, '')}`}>{telephone}</a>
          </dd>
        </div>
      ) : null}
      {email ? (
        <div>
          <dt>Email</dt>
          <dd>
            <a href={`mailto:${email}`}>{email}</a>
          </dd>
        </div>
      ) : null}
      {address ? (
        <div>
          <dt>Address</dt>
          <dd>{address}</dd>
        </div>
      ) : null}
      {url ? (
        <div>
          <dt>Website</dt>
          <dd>
            <a href={url} rel="noopener">
              {url}
            </a>
          </dd>
        </div>
      ) : null}
    </dl>
  );
}
