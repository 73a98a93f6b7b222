import type { MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { ContactDetails } from '../components/ContactDetails';
import { seoMeta, siteOf } from '../lib/seo';
import { absoluteUrl } from '../lib/site';
import { siteConfig } from '../lib/site.server';
import * as styles from '../styles/list.css';

export function loader() {
  const { contact, publisher } = siteConfig();
  return { contact, publisher, canonicalUrl: absoluteUrl('/contact') };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data
    ? seoMeta(
        { title: 'Contact', description: `How to contact ${data.publisher.name}.`, canonicalUrl: data.canonicalUrl },
        siteOf(matches),
      )
    : [];

/** Only the details site.yml holds: none is ever filled in here. */
export default function ContactPage() {
  const { contact, publisher } = useLoaderData<typeof loader>();
  const hasDetails = Boolean(contact.email || contact.telephone || contact.address || contact.url);
  return (
    <div className={styles.intro}>
      <h1 className={styles.pageTitle}>Contact</h1>
      {contact.intro ? <p className={styles.lede}>{contact.intro}</p> : null}
      <h2 className={styles.sectionHeading}>{publisher.name}</h2>
      {hasDetails ? (
        <ContactDetails contact={contact} />
      ) : (
        <p>
          This site does not list a telephone number, email or address for {publisher.name} yet. Please use the
          clinic’s own published contact details.
        </p>
      )}
      {publisher.url ? (
        <p>
          <a href={publisher.url} rel="noopener">
            {publisher.name} website
          </a>
        </p>
      ) : null}
      <div className={styles.notice}>
        <p>
          <strong>Not for emergencies.</strong> If you think you may have a medical emergency, call your local emergency
          number.
        </p>
        <p>Messages to the clinic are not a substitute for a consultation with a clinician who has examined you.</p>
      </div>
    </div>
  );
}
